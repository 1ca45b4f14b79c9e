import pulumi
import pulumi_runai as runai

nfs_datasets = runai.NfsAsset("nfs-datasets",
    meta={
        "scope": runai.NfsAssetMetaScope.DEPARTMENT,
        "department_id": "101",
    },
    spec={
        "server": "nfs.internal",
        "path": "/exports/datasets",
        "mount_path": "/datasets",
    })
pulumi.export("nfsAssetId", nfs_datasets.id)
