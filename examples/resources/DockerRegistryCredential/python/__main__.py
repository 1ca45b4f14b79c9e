import pulumi
import pulumi_runai as runai

config = pulumi.Config()
registry_password = config.require_secret("registryPassword")
registry_login = runai.DockerRegistryCredential("registry-login",
    meta={
        "scope": runai.DockerRegistryCredentialMetaScope.DEPARTMENT,
        "department_id": "101",
    },
    spec={
        "url": "https://registry.example.com",
        "user": "puller",
        "password": registry_password,
    })
pulumi.export("dockerRegistryCredentialId", registry_login.id)
