import pulumi
import pulumi_runai as runai

training_code = runai.GitAsset("training-code",
    meta={
        "scope": runai.GitAssetMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "repository": "https://git.example.com/ml/training.git",
        "branch": "main",
        "path": "/code",
    })
pulumi.export("gitAssetId", training_code.id)
