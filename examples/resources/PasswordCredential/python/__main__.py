import pulumi
import pulumi_runai as runai

config = pulumi.Config()
git_password = config.require_secret("gitPassword")
git_login = runai.PasswordCredential("git-login",
    meta={
        "scope": runai.PasswordCredentialMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "user": "ci-bot",
        "password": git_password,
    })
pulumi.export("passwordCredentialId", git_login.id)
