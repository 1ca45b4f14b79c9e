module runai-example-identityprovider-go

go 1.25

require (
	github.com/pulumi/pulumi/sdk/v3 v3.30.0
	github.com/pulumi-runai/pulumi-runai/sdk/go v0.1.0
)
