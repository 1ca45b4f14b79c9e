import pulumi
import pulumi_runai as runai

login_banner = runai.TenantSetting("loginBanner",
    key="login.banner",
    value="Managed by the platform team")
pulumi.export("tenantSettingLoginBannerLabel", login_banner.label)
