import pulumi
import pulumi_runai as runai

config = pulumi.Config()
oidc_client_secret = config.require_secret("oidcClientSecret")
corp_sso = runai.IdentityProvider("corp-sso",
    type=runai.IdentityProviderType.OIDC,
    oidc={
        "discover_document_url": "https://idp.example.com/.well-known/openid-configuration",
        "client_id": "runai",
        "scopes": [
            "openid",
            "email",
            "profile",
        ],
    },
    client_secret=oidc_client_secret,
    mappers={
        "uid": "uid",
        "gid": "gid",
        "groups": "groups",
        "email": "email",
    })
pulumi.export("identityProviderRedirectUri", corp_sso.redirect_uri)
