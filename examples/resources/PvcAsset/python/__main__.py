import pulumi
import pulumi_runai as runai

checkpoints = runai.PvcAsset("checkpoints",
    meta={
        "scope": runai.PvcAssetMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "path": "/checkpoints",
        "claim_info": {
            "size": "100Gi",
            "storage_class": "standard",
            "access_modes": {
                "read_write_once": False,
                "read_write_many": True,
            },
        },
    })
pulumi.export("pvcAssetId", checkpoints.id)
