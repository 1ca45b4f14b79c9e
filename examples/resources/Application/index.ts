import { Application } from "pulumi-runai";

// An API client for CI. Its secret is shown by Run:ai once and stays a Pulumi secret:
//   pulumi stack output applicationCredentials --show-secrets
const ciBot = new Application("ci-bot", {
  // enabled: defaults to true; false makes the token endpoint refuse the application
  rotateWhenChanged: { rotation: "2026-q3" }, // change any value to regenerate the secret
});

export const applicationClientId = ciBot.clientId;
export const applicationCredentials = ciBot.credentials; // one secret of { clientId, clientSecret }
