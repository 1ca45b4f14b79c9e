import pulumi
import pulumi_runai as runai

raw_data = runai.S3Asset("raw-data",
    meta={
        "scope": runai.S3AssetMetaScope.PROJECT,
        "project_id": 1001,
    },
    spec={
        "bucket": "datasets",
        "path": "/data/raw",
        "url": "https://minio.example.com:9000",
    })
pulumi.export("s3AssetId", raw_data.id)
