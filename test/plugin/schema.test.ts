// The runai plugin's package schema (src/plugin/schema.ts), as the build writes it to
// dist/plugin/schema.json: every kind of the registry with its inputs and outputs, secrets marked,
// the provider settings the dynamic resources read, and nothing that refers to a missing type.
// (That Pulumi accepts it is proven by the YAML e2e test: the YAML host type-checks against it.)
import { resolveSettings } from "../../src/provider/config";
import { RESOURCE_TYPES } from "../../src/provider/registry";
import { buildSchema } from "../../src/plugin/schema";
import type { ObjectTypeSpec, PackageSchema, PropertySpec } from "../../src/plugin/schema";

const schema: PackageSchema = buildSchema("1.2.3");

/** A named object type of the schema (not an enum). */
function objectType(name: string): ObjectTypeSpec {
  const type = schema.types[name];
  if (type?.type !== "object") throw new Error(`${name} is no object type`);
  return type;
}

/** The property a `$ref` or inline spec leads to, followed along a path of property names ("[]" for items). */
function propertyAt(root: PropertySpec, path: string[]): PropertySpec {
  let spec = root;
  for (const part of path) {
    if (part === "[]") spec = spec.items as PropertySpec;
    else {
      spec = objectType(spec.$ref!.replace("#/types/", "")).properties[part];
    }
    if (!spec) throw new Error(`no ${path.join(".")}`);
  }
  return spec;
}

/** The `runai:*` keys resolveSettings reads, found by asking it. */
function settingsKeys(): string[] {
  const asked = new Set<string>();
  resolveSettings(
    { get: (key) => (asked.add(key), key === "runai:url" ? "https://acme.run.ai" : key === "runai:token" ? "t" : undefined) },
    {},
  );
  return [...asked].map((key) => key.replace(/^runai:/, "")).sort();
}

it("names the package runai at the given version", () => {
  expect({ name: schema.name, version: schema.version }).toEqual({ name: "runai", version: "1.2.3" });
});

it("declares every kind of the registry as runai:index:<Type>, with a description, inputs and outputs", () => {
  expect(Object.keys(schema.resources).sort()).toEqual(RESOURCE_TYPES.map((type) => `runai:index:${type}`).sort());
  for (const [token, resource] of Object.entries(schema.resources)) {
    expect({ token, description: (resource.description ?? "").length > 0 }).toEqual({ token, description: true });
    expect({ token, inputs: Object.keys(resource.inputProperties).length > 1 }).toEqual({ token, inputs: true });
    // Outputs hold every input (the server's view in the input shape) and more.
    expect({ token, outputs: Object.keys(resource.inputProperties).every((key) => key in resource.properties) }).toEqual({
      token,
      outputs: true,
    });
    expect(resource.inputProperties.adoptExisting).toMatchObject({ type: "boolean" });
  }
});

it("requires what the program must write, but never the name (it defaults to the resource's name)", () => {
  const configMap = schema.resources["runai:index:ConfigMapAsset"];
  expect(configMap.requiredInputs).toEqual(["meta", "spec"]);
  expect(objectType("runai:index:ConfigMapAssetMeta").required).toEqual(["scope"]);
  expect(schema.resources["runai:index:Application"].requiredInputs).toBeUndefined();
  expect(schema.resources["runai:index:AccessRule"].requiredInputs).toEqual(["subjectType", "subjectId", "scopeType", "scopeId"]);
});

it("marks the application's secret and every credential value secret, inputs and outputs alike", () => {
  const app = schema.resources["runai:index:Application"];
  expect(app.properties.secret).toMatchObject({ type: "string", secret: true });
  expect(app.properties.clientId.secret).toBeUndefined();
  const secrets: Record<string, string[]> = {
    AccessKeyCredential: ["secretAccessKey"],
    PasswordCredential: ["password"],
    DockerRegistryCredential: ["password"],
    GenericSecretCredential: ["keyValuePairs", "[]", "value"],
  };
  for (const [type, path] of Object.entries(secrets)) {
    const resource = schema.resources[`runai:index:${type}`];
    for (const side of ["inputProperties", "properties"] as const) {
      expect({ type, side, secret: propertyAt(resource[side].spec, path).secret }).toEqual({ type, side, secret: true });
    }
  }
  const password = schema.resources["runai:index:PasswordCredential"];
  expect(propertyAt(password.inputProperties.spec, ["user"]).secret).toBeUndefined();
});

it("has the provider settings of the dynamic resources as config variables and provider inputs, the secret ones secret", () => {
  expect(Object.keys(schema.config.variables).sort()).toEqual(settingsKeys());
  expect(Object.keys(schema.provider.inputProperties).sort()).toEqual(settingsKeys());
  const secret = Object.entries(schema.config.variables)
    .filter(([, spec]) => spec.secret)
    .map(([key]) => key);
  expect(secret.sort()).toEqual(["clientSecret", "token"]);
  expect(schema.provider.inputProperties.clientSecret).toMatchObject({ type: "string", secret: true });
  expect(schema.config.variables.waitForSync.type).toBe("boolean");
});

it("names each setting's environment variable, the ones resolveSettings reads, and the defaults it applies", () => {
  const asked = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, key: string) => (asked.add(key), key === "RUNAI_URL" ? "https://acme.run.ai" : key === "RUNAI_TOKEN" ? "t" : undefined),
  });
  const settings = resolveSettings(undefined, env);
  const variables = Object.values(schema.config.variables);
  expect(variables.flatMap((spec) => spec.defaultInfo?.environment ?? []).sort()).toEqual([...asked].sort());
  expect(schema.config.variables.waitForSync.default).toBe(settings.waitForSync);
  expect(schema.config.variables.timeoutSeconds.default).toBe(settings.timeoutSeconds);
  expect(schema.config.variables.adoptExisting.default).toBe(settings.adoptExisting);
});

it("types asset outputs with the server's read-only fields and refers only to types it declares", () => {
  const meta = objectType(schema.resources["runai:index:ConfigMapAsset"].properties.meta.$ref!.replace("#/types/", ""));
  expect(Object.keys(meta.properties)).toEqual(expect.arrayContaining(["id", "name", "scope", "projectId", "createdAt", "updatedBy"]));

  const refs: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "$ref" && typeof inner === "string") refs.push(inner);
        else visit(inner);
      }
    }
  };
  visit(schema);
  const dangling = refs.filter((ref) => ref !== "pulumi.json#/Any" && !(ref.replace("#/types/", "") in schema.types));
  expect(dangling).toEqual([]);
});

it("describes properties with the descriptions of their zod schemas, each field its own", () => {
  const spec = objectType("runai:index:ConfigMapAssetSpec").properties;
  expect(spec.mountPath.description).toBe("Path inside the container the ConfigMap is mounted at (described as mandatory).");
  const meta = objectType("runai:index:ConfigMapAssetMeta").properties;
  expect(meta.name.description).toBe("Asset name; defaults to the Pulumi resource name. Updatable in place.");
  // The same shared schema (the quota of a node pool) described differently where it is used.
  expect(objectType("runai:index:DepartmentResources").properties.cpu.description).toBe("CPU in millicores to the unit in the node pool.");
  expect(objectType("runai:index:DepartmentResourcesCpu").properties.deserved.description).toBe(
    "The amount the unit deserves when the cluster has it (the guaranteed quota).",
  );
  expect(objectType("runai:index:DepartmentResourcesGpu").properties.deserved.description).toBe(
    "The GPUs the unit deserves when the cluster has them (the guaranteed quota). Contract default 0.",
  );
  // Not the `name` of some other object (a cluster resource's).
  expect(schema.resources["runai:index:Application"].inputProperties.name.description).toMatch(
    /^Application name, unique in the organization/,
  );
  expect(schema.resources["runai:index:AccessRule"].inputProperties.adoptExisting.description).toBe(
    'Take over an existing Access rule with the same inputs instead of failing with "already exists".',
  );
});

it("declares every look-up as a function runai:index:get<Kind>, asked by name (and cluster), answering Run:ai's fields, and the list forms", () => {
  expect(Object.keys(schema.functions)).toEqual([
    "runai:index:getCluster",
    "runai:index:getDepartment",
    "runai:index:getProject",
    "runai:index:getNodePool",
    "runai:index:getRole",
    "runai:index:getDepartments",
    "runai:index:getProjects",
    "runai:index:getNodePools",
  ]);
  expect(schema.functions["runai:index:getCluster"].inputs.required).toEqual(["name"]);
  expect(schema.functions["runai:index:getProject"].inputs.required).toEqual(["name", "clusterId"]);
  // The list forms: by cluster (and, for projects, optionally by department), answering a list.
  expect(Object.keys(schema.functions["runai:index:getProjects"].inputs.properties)).toEqual(["clusterId", "departmentId"]);
  expect(schema.functions["runai:index:getProjects"].inputs.required).toEqual(["clusterId"]);
  expect(schema.functions["runai:index:getNodePools"].outputs.properties.nodePools).toMatchObject({
    type: "array",
    items: { $ref: "#/types/runai:index:GetNodePoolsNodePoolsResult" },
  });
  expect(schema.functions["runai:index:getCluster"].outputs.properties.id).toMatchObject({ type: "string" });
  expect(schema.functions["runai:index:getProject"].outputs.required).toEqual(expect.arrayContaining(["id", "name"]));
  for (const [token, fn] of Object.entries(schema.functions)) {
    expect({ token, described: fn.description.length > 0 }).toEqual({ token, described: true });
  }
  // The answer itself is inline: an SDK generates its own Get<Kind>Result per function.
  const answers = ["GetCluster", "GetDepartment", "GetProject", "GetNodePool", "GetRole"].map((name) => `runai:index:${name}Result`);
  expect(answers.filter((name) => name in schema.types)).toEqual([]);
});
