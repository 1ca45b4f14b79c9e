// Links between the imported objects. Pulumi's code generation (pkg/importer, v3.248) turns every
// string input equal to the id, or the `name` output, of another resource of the same import into a
// reference to it (`team.id`, `ciBot.name`): that is how a generated project refers to its
// department, an access rule to its project and application, a datasource to its credential.
// It matches values, not meanings: a project's quota names node pool "1", and access rule 1 has id
// "1"; the generated project would then follow the access rule (and a replaced rule would move the
// quota). So every such coincidence is found here, and one of the two objects goes to a later import
// file (a later `pulumi import --file`), where the other is not there to match. Numbers are never
// linked by Pulumi (an asset's meta.projectId stays a literal): docs/guides/export.md says so.
import type { Json } from "../provider/kind";
import type { ListedObject } from "./listing";

/** A value of one object's inputs that Pulumi would turn into a reference to another object. */
export interface Link {
  from: ListedObject;
  /** Dotted path, `[]` for a list's elements, e.g. `resources[].nodePool.id`. */
  path: string;
  to: ListedObject;
  by: "id" | "name";
  /** Whether the value means that object (else it only happens to be equal). */
  meant: boolean;
}

const SCOPE_KINDS: Record<string, string | undefined> = { cluster: "Cluster", department: "Department", project: "Project" };
const CREDENTIALS = ["AccessKeyCredential", "PasswordCredential", "DockerRegistryCredential", "GenericSecretCredential"];

/** Whether the value at `path` of a `from` object names `to` (by id or by name). */
function means(from: ListedObject, path: string, to: ListedObject, by: "id" | "name"): boolean {
  const quota = /^resources\[\]\.nodePool\.(id|name)$/.exec(path);
  if (quota) return to.type === "NodePool" && quota[1] === by;
  if (by === "name") return from.type === "AccessRule" && path === "subjectId" && to.type === "Application";
  switch (path) {
    case "departmentId":
    case "meta.departmentId":
      return to.type === "Department";
    case "scopeId":
      // An access rule's scopeType, a workload policy's scope.
      return to.type === SCOPE_KINDS[String(from.inputs.scopeType ?? from.inputs.scope)];
    case "imposedAssets[]":
      return to.type.endsWith("Asset");
    case "clusterId":
    case "meta.clusterId":
      return to.type === "Cluster";
    case "spec.accessKeyAssetId":
      return to.type === "AccessKeyCredential";
    case "spec.passwordAssetId":
      return to.type === "PasswordCredential";
    default:
      // A secret volume's credentialAssetId, an environment variable's credential.assetId.
      return /(^|\.)(credentialAssetId|assetId)$/.test(path) && CREDENTIALS.includes(to.type);
  }
}

/** Every string of the inputs, with its path. */
function strings(value: unknown, path: string, out: { path: string; value: string }[]): void {
  if (typeof value === "string") out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((element) => strings(element, `${path}[]`, out));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value as Json)) strings(inner, path ? `${path}.${key}` : key, out);
  }
}

/** The links Pulumi's code generation would make between `objects` imported together. */
export function linksAmong(objects: readonly ListedObject[]): Link[] {
  const byValue = new Map<string, { to: ListedObject; by: "id" | "name" }[]>();
  const index = (value: string, target: { to: ListedObject; by: "id" | "name" }) => {
    const list = byValue.get(value) ?? [];
    list.push(target);
    byValue.set(value, list);
  };
  for (const object of objects) {
    index(object.id, { to: object, by: "id" });
    if (object.nameOutput !== undefined) index(object.nameOutput, { to: object, by: "name" });
  }
  const links: Link[] = [];
  for (const from of objects) {
    const found: { path: string; value: string }[] = [];
    strings(from.inputs, "", found);
    for (const { path, value } of found) {
      for (const { to, by } of byValue.get(value) ?? []) {
        if (to === from) continue; // Pulumi drops a resource's references to itself
        links.push({ from, path, to, by, meant: means(from, path, to, by) });
      }
    }
  }
  return links;
}

/**
 * The import files' contents: objects in the order given, the first file holding all but those a
 * coincidence moves on. Of the two objects of a coincidental link, the one fewer objects refer to
 * on purpose moves (an access rule, which nothing names, rather than a project); each link a move
 * breaks is reported.
 */
export function importRounds(objects: readonly ListedObject[]): { rounds: ListedObject[][]; coincidences: Link[] } {
  const round = new Map(objects.map((object) => [object, 0]));
  const coincidences: Link[] = [];
  const all = linksAmong(objects);
  for (let guard = 0; guard <= objects.length; guard++) {
    const links = all.filter((link) => round.get(link.from) === round.get(link.to));
    const coincidence = links.find((link) => !link.meant);
    if (!coincidence) break;
    coincidences.push(coincidence);
    const referred = (object: ListedObject) => links.filter((link) => link.meant && link.to === object).length;
    const moved = referred(coincidence.to) <= referred(coincidence.from) ? coincidence.to : coincidence.from;
    round.set(moved, round.get(moved)! + 1);
  }
  const count = Math.max(0, ...round.values()) + 1;
  const rounds = Array.from({ length: count }, (_, n) => objects.filter((object) => round.get(object) === n));
  return { rounds: rounds.filter((list) => list.length > 0), coincidences };
}
