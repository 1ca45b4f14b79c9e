import pulumi
import pulumi_runai as runai

config = pulumi.Config()
hf_token = config.require_secret("hfToken")
api_tokens = runai.GenericSecretCredential("api-tokens",
    meta={
        "scope": runai.GenericSecretCredentialMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "key_value_pairs": [{
            "key": "HF_TOKEN",
            "value": hf_token,
        }],
    })
pulumi.export("genericSecretCredentialId", api_tokens.id)
