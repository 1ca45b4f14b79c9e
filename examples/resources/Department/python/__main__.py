import pulumi
import pulumi_runai as runai

config = pulumi.Config()
cluster_id = config.get("clusterId")
if cluster_id is None:
    cluster_id = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31"
vision = runai.Department("vision",
    cluster_id=cluster_id,
    description="The computer vision teams",
    resources=[{
        "node_pool": {
            "name": "default",
        },
        "gpu": {
            "deserved": float(2),
        },
    }])
pulumi.export("departmentId", vision.id)
