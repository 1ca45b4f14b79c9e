import pulumi
import pulumi_runai as runai

config = pulumi.Config()
cluster_id = config.get("clusterId")
if cluster_id is None:
    cluster_id = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31"
vision_train = runai.Project("vision-train",
    cluster_id=cluster_id,
    department_id="102",
    resources=[{
        "node_pool": {
            "name": "default",
        },
        "gpu": {
            "deserved": float(1),
            "limit": float(2),
        },
        "cpu": {
            "deserved": float(8000),
        },
        "memory": {
            "deserved": float(32),
            "units": runai.ProjectResourcesMemoryUnits.GB,
        },
    }])
pulumi.export("projectId", vision_train.id)
pulumi.export("projectNamespace", vision_train.namespace)
