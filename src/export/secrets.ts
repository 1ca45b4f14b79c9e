// What an export cannot carry: the secret values Run:ai never returns. A credential's values stay
// as Run:ai holds them (the imported program leaves them out, and check asks for none: see
// provider/validation.ts, Failures.keepUnset), and an application's secret was shown once, at its
// creation. The export lists them, with the `pulumi config set --secret` command for each value a
// program may take over later; it never holds a value itself.
import type { Json } from "../provider/kind";
import { kindFor } from "../provider/registry";
import { typeToken } from "../plugin/token";
import type { ListedObject } from "./listing";

export interface SecretInput {
  /** The resource: type token and name. */
  resource: string;
  /** The input path the value belongs at, e.g. `spec.password` or `spec.keyValuePairs[0].value`. */
  path: string;
  /** The stack config key suggested for it. */
  configKey: string;
}

/** The secret inputs of the exported credentials and identity providers that Run:ai holds and the export cannot read. */
export function unreadableSecrets(objects: readonly ListedObject[], names: ReadonlyMap<string, string>): SecretInput[] {
  const found: SecretInput[] = [];
  for (const object of objects) {
    const kind = kindFor(object.type);
    const paths = (kind.secrets?.inputs ?? []).filter((path) => kind.writeOnlyInputs?.includes(path));
    const spec = (object.inputs.spec ?? {}) as Json;
    if (paths.length === 0 || !holdsUnreadSecret(object, spec)) continue;
    const name = names.get(`${object.type}/${object.id}`)!;
    const resource = `${typeToken(object.type)} ${name}`;
    for (const path of paths) {
      const list = /^spec\.(\w+)\[\]\.(\w+)$/.exec(path);
      if (!list) {
        found.push({ resource, path, configKey: `${name}-${path.split(".").pop()!}` });
        continue;
      }
      const [, listField, valueField] = list;
      const elements = Array.isArray(spec[listField]) ? (spec[listField] as Json[]) : [];
      elements.forEach((element, index) => {
        const key = typeof element?.key === "string" ? element.key : String(index);
        found.push({ resource, path: `spec.${listField}[${index}].${valueField}`, configKey: `${name}-${key}` });
      });
    }
  }
  return found;
}

/** The applications whose secrets Run:ai showed once and the export cannot carry. */
export function applicationSecrets(objects: readonly ListedObject[], names: ReadonlyMap<string, string>): string[] {
  return objects
    .filter((object) => object.type === "Application")
    .map((object) => `${typeToken(object.type)} ${names.get(`Application/${object.id}`)!}`);
}

/** The commands that store each value in the stack config (each asks for the value: none is on the line). */
export function configCommands(secrets: readonly SecretInput[]): string {
  if (secrets.length === 0) return "";
  const lines = ["# Secret values Run:ai never returns. To manage one from the program, store it with:"];
  for (const secret of secrets) lines.push(`pulumi config set --secret ${secret.configKey}    # ${secret.resource}: ${secret.path}`);
  return `${lines.join("\n")}\n`;
}

/** A credential's values (unless a Kubernetes secret holds them), an OIDC or OpenShift client secret. */
function holdsUnreadSecret(object: ListedObject, spec: Json): boolean {
  if (object.type === "IdentityProvider") return object.inputs.type !== "saml";
  return object.type.endsWith("Credential") && !isSet(spec.existingSecretName);
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}
