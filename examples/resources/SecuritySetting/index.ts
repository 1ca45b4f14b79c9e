import { SecuritySetting } from "pulumi-runai";

// Browser sessions expire after 30 idle minutes. The setting exists before the stack: destroying the
// stack puts back the value it replaced (`previousValue`).
const sessions = new SecuritySetting("session-timeout", { key: "browserSessionTimeout", value: { idleTimeout: 30 } });

// Turning autoRedirectSSO on fails the preview while the tenant has no identity provider:
// new SecuritySetting("sso-only", { key: "autoRedirectSSO", value: { enabled: true, idpAlias: "corp-oidc" } });

export const securitySettingReplacedValue = sessions.previousValue;
