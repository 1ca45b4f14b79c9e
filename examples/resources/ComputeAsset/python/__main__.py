import pulumi
import pulumi_runai as runai

half_gpu = runai.ComputeAsset("half-gpu",
    meta={
        "scope": runai.ComputeAssetMetaScope.PROJECT,
        "project_id": 1001,
        "description": "Half a GPU, 4 cores, 16 GiB",
    },
    spec={
        "gpu_devices_request": 1,
        "gpu_request_type": runai.ComputeAssetSpecGpuRequestType.PORTION,
        "gpu_portion_request": 0.5,
        "cpu_core_request": float(4),
        "cpu_memory_request": "16Gi",
        "cpu_memory_limit": "32Gi",
    })
pulumi.export("computeAssetId", half_gpu.id)
