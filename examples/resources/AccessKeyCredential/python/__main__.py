import pulumi
import pulumi_runai as runai

config = pulumi.Config()
s3_secret_access_key = config.require_secret("s3SecretAccessKey")
datasets_reader = runai.AccessKeyCredential("datasets-reader",
    meta={
        "scope": runai.AccessKeyCredentialMetaScope.PROJECT,
        "project_id": 1001,
        "description": "Read-only key for the datasets bucket",
    },
    spec={
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": s3_secret_access_key,
    })
pulumi.export("accessKeyCredentialId", datasets_reader.id)
