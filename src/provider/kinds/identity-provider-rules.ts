// The cross-field rules of an identity provider, all reported at once: each type's required data
// (an OIDC provider's issuer and client, a SAML provider's metadata, an OpenShift provider's OAuth
// server), no data of another type than `type` says, and URLs that are http(s) URLs. URLs are quoted
// back (they are not secret); the client secret never is.
import type { Json } from "../kind";
import { isObject, isSet, isUnknown, type Failures, type Path } from "../validation";

/** Which data input each type takes, and how messages name a provider of that type. */
const DATA_OF = { oidc: "oidc", saml: "saml", "openshift-v4": "openshift" } as const;
const LABEL_OF = { oidc: "an OIDC provider", saml: "a SAML provider", "openshift-v4": "an OpenShift provider" } as const;
type Type = keyof typeof DATA_OF;

// Own keys only: `in` would take "toString" (an Object.prototype member) for a type; found by the check fuzz test.
const isType = (value: unknown): value is Type => typeof value === "string" && Object.hasOwn(DATA_OF, value);

function requireField(failures: Failures, data: Json, path: Path, label: string, what: string): void {
  const value = data[path[path.length - 1] as string];
  if (!isSet(value) || value === "") failures.add(path, `is required for ${label} (${what})`);
}

function checkUrl(failures: Failures, value: unknown, path: Path): void {
  if (typeof value !== "string" || isUnknown(value) || value === "") return;
  let protocol = "";
  try {
    protocol = new URL(value).protocol;
  } catch {
    // not a URL at all: reported below
  }
  if (protocol !== "https:" && protocol !== "http:") failures.add(path, `must be an http or https URL, got ${JSON.stringify(value)}`);
}

export function validateIdentityProvider(failures: Failures, inputs: Json): void {
  const type = inputs.type;
  if (!isType(type)) return; // the schema reports it; without a type no other rule applies
  const label = LABEL_OF[type];
  for (const [other, field] of Object.entries(DATA_OF)) {
    if (other !== type && isSet(inputs[field]))
      failures.add([field], `is the data of type "${other}", but type is "${type}" (give ${DATA_OF[type]} instead)`);
  }
  if (type === "saml" && isSet(inputs.clientSecret))
    failures.add(["clientSecret"], 'is for an OIDC or OpenShift provider, but type is "saml"');
  const field = DATA_OF[type];
  const data = inputs[field];
  if (isUnknown(data)) return;
  if (!isSet(data)) {
    failures.add([field], `is required for ${label}`);
  } else if (isObject(data)) {
    if (type === "oidc") {
      requireField(failures, data, [field, "discoverDocumentUrl"], label, "the issuer's discovery document URL");
      requireField(failures, data, [field, "clientId"], label, "the client id Run:ai is registered with");
      checkUrl(failures, data.discoverDocumentUrl, [field, "discoverDocumentUrl"]);
    } else if (type === "saml") {
      checkSamlMetadata(failures, data);
    } else {
      requireField(failures, data, [field, "idpBaseUrl"], label, "the OpenShift OAuth server's base URL");
      checkUrl(failures, data.idpBaseUrl, [field, "idpBaseUrl"]);
    }
  }
  if (type !== "saml" && (!isSet(inputs.clientSecret) || inputs.clientSecret === ""))
    failures.add(["clientSecret"], `is required for ${label}`);
}

function checkSamlMetadata(failures: Failures, data: Json): void {
  const byUrl = isSet(data.metadataXmlUrl) && data.metadataXmlUrl !== "";
  const byFile = isSet(data.metadataXmlFile) && data.metadataXmlFile !== "";
  if (!byUrl && !byFile)
    failures.add(["saml"], "needs the identity provider's metadata: give metadataXmlUrl, or metadataXmlFile with fileName");
  if (byUrl && byFile) failures.add(["saml"], "give the metadata once: metadataXmlUrl or metadataXmlFile, not both");
  if (byFile && (!isSet(data.fileName) || data.fileName === "")) failures.add(["saml", "fileName"], "is required with metadataXmlFile");
  checkUrl(failures, data.metadataXmlUrl, ["saml", "metadataXmlUrl"]);
}
