import pulumi
import pulumi_runai as runai

training_config = runai.ConfigMapAsset("training-config",
    meta={
        "scope": runai.ConfigMapAssetMetaScope.PROJECT,
        "project_id": 1001,
        "description": "Hyper-parameters shared by the team's training jobs",
    },
    spec={
        "config_map": "training-hyperparameters",
        "mount_path": "/etc/training",
    })
pulumi.export("configMapAssetId", training_config.id)
pulumi.export("configMapAssetStatus", training_config.status.status)
