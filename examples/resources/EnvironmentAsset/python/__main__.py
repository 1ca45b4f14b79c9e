import pulumi
import pulumi_runai as runai

jupyter_lab = runai.EnvironmentAsset("jupyter-lab",
    meta={
        "scope": runai.EnvironmentAssetMetaScope.PROJECT,
        "project_id": 1001,
        "workload_supported_types": {
            "workspace": True,
        },
    },
    spec={
        "image": "quay.io/jupyter/scipy-notebook:2024-10-07",
        "uid_gid_source": runai.EnvironmentAssetSpecUidGidSource.CUSTOM,
        "run_as_uid": 1000,
        "run_as_gid": 100,
        "environment_variables": [{
            "name": "JUPYTER_ENABLE_LAB",
            "value": "yes",
        }],
        "connections": [{
            "name": "jupyter",
            "internal_tool_info": {
                "tool_type": runai.EnvironmentAssetSpecConnectionsInternalToolInfoToolType.JUPYTER_NOTEBOOK,
                "connection_type": runai.EnvironmentAssetSpecConnectionsInternalToolInfoConnectionType.NODE_PORT,
                "container_port": 8888,
            },
        }],
    })
pulumi.export("environmentAssetId", jupyter_lab.id)
