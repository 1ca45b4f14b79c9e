import pulumi
import pulumi_runai as runai

cluster = runai.get_cluster_output(name="research-cluster")
research = runai.get_department_output(name="research",
    cluster_id=cluster.id)
team_a = runai.get_project_output(name="team-a",
    cluster_id=cluster.id)
a100 = runai.get_node_pool_output(name="a100",
    cluster_id=cluster.id)
ml_engineer = runai.get_role_output(name="ML engineer")
pulumi.export("clusterId", cluster.id)
pulumi.export("departmentId", research.id)
pulumi.export("projectId", team_a.id)
pulumi.export("nodePoolId", a100.id)
pulumi.export("roleId", ml_engineer.id)
