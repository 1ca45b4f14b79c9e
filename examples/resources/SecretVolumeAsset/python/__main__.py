import pulumi
import pulumi_runai as runai

team_api_tokens = runai.GenericSecretCredential("team-api-tokens",
    meta={
        "scope": runai.GenericSecretCredentialMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "existing_secret_name": "team-api-tokens",
    })
api_tokens_volume = runai.SecretVolumeAsset("api-tokens-volume",
    meta={
        "scope": runai.SecretVolumeAssetMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "credential_asset_id": team_api_tokens.id,
        "mount_path": "/var/run/tokens",
    })
pulumi.export("secretVolumeAssetId", api_tokens_volume.id)
