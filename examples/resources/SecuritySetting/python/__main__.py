import pulumi
import pulumi_runai as runai

logout_redirect = runai.SecuritySetting("logoutRedirect",
    key="logoutRedirectUri",
    value={
        "uri": "https://intranet.example.com/signed-out",
    })
pulumi.export("securitySettingLogoutRedirectKey", logout_redirect.key)
