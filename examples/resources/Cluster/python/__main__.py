import pulumi
import pulumi_runai as runai

gpu_west = runai.Cluster("gpu-west",
    domain="gpu-west.example.com",
    version="2.22")
pulumi.export("clusterWestUuid", gpu_west.uuid)
pulumi.export("clusterWestHelmValues", gpu_west.helm_values)
