import pulumi
import pulumi_runai as runai

local_scratch = runai.HostPathAsset("local-scratch",
    meta={
        "scope": runai.HostPathAssetMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "path": "/mnt/local-ssd",
        "mount_path": "/scratch",
        "read_only": False,
        "mount_propagation": runai.HostPathAssetSpecMountPropagation.HOST_TO_CONTAINER,
    })
pulumi.export("hostPathAssetId", local_scratch.id)
