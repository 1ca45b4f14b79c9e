import pulumi
import pulumi_runai as runai

l40_s = runai.NodePool("l40s",
    cluster_id="7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31",
    label_key="node-type",
    label_value="l40s",
    gpu_network_acceleration_detection=runai.NodePoolGpuNetworkAccelerationDetection.DONT_USE)
pulumi.export("nodePoolL40sPhase", l40_s.phase)
