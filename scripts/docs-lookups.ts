// The look-ups' reference (docs/lookups.md, written by scripts/gen-docs.ts): what each look-up of
// `pulumi-runai` is asked by, and every type of its answer, field by field, from the same zod
// schemas the client reads Run:ai's answers with (scripts/gen-types.ts names the types alike).
import { z } from "zod";
import type { TypeSpec } from "../src/plugin/schema";
import { Converter } from "../src/plugin/schema-types";
import type { JsonSchema, PropertySpec } from "../src/plugin/schema-types";
import { anchor } from "./docs-reference";
import type { Undescribed } from "./docs-reference";
import { LOOKUP_RESULTS, tsName } from "./gen-types";

/** The look-ups of `pulumi-runai` (src/resources/lookups.ts): how each is called, with what, and what it finds. */
export const LOOKUPS: { call: string; args: string; result: string; finds: string }[] = [
  {
    call: "getCluster({ name })",
    args: "GetClusterArgs",
    result: "GetCluster",
    finds: "The cluster named `name`; `id` is its uuid, every other API's `clusterId`.",
  },
  {
    call: "getDepartment({ name, clusterId })",
    args: "GetDepartmentArgs",
    result: "GetDepartment",
    finds: "The department named `name` in the cluster.",
  },
  {
    call: "getProject({ name, clusterId })",
    args: "GetProjectArgs",
    result: "GetProject",
    finds: "The project named `name` in the cluster.",
  },
  {
    call: "getNodePool({ name, clusterId })",
    args: "GetNodePoolArgs",
    result: "GetNodePool",
    finds: 'The node pool named `name` in the cluster ("default" exists in every cluster).',
  },
  { call: "getRole({ name })", args: "GetRoleArgs", result: "GetRole", finds: 'The role named `name`, e.g. "ML engineer".' },
  {
    call: "getDepartments({ clusterId })",
    args: "GetDepartmentsArgs",
    result: "GetDepartments",
    finds: "Every department in the cluster, as `departments` (as the list of departments shows them: no summed quotas).",
  },
  {
    call: "getProjects({ clusterId, departmentId? })",
    args: "GetProjectsArgs",
    result: "GetProjects",
    finds: "Every project in the cluster, or only those of the department `departmentId`, as `projects`.",
  },
  {
    call: "getNodePools({ clusterId })",
    args: "GetNodePoolsArgs",
    result: "GetNodePools",
    finds: 'Every node pool of the cluster ("default" among them), as `nodePools`.',
  },
];

/** The named types of every look-up's answer (as the package schema would name them), and each answer's root type. */
export function lookupTypes(): { types: Record<string, TypeSpec>; roots: Map<string, string> } {
  const types: Record<string, TypeSpec> = {};
  const roots = new Map<string, string>();
  for (const [name, result] of LOOKUP_RESULTS) {
    const json = z.toJSONSchema(result, { io: "output", unrepresentable: "any" }) as JsonSchema;
    const { $ref } = new Converter(name, types, { secrets: new Set() }).property(json, [], "Result");
    roots.set(name, $ref!.replace("#/types/", ""));
  }
  return { types, roots };
}

/** The fields of the look-ups' answers (and of the objects in them) that have no description. */
export function undescribedLookupFields(): Undescribed[] {
  return Object.entries(lookupTypes().types).flatMap(([token, type]) =>
    type.type === "object"
      ? Object.entries(type.properties)
          .filter(([, spec]) => !spec.description)
          .map(([property]) => ({ type: tsName(token, "Result"), property }))
      : [],
  );
}

function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

/** docs/lookups.md after its front matter: one section per look-up, its answer's types in the order met. */
export function lookupsReference(): string {
  const { types, roots } = lookupTypes();
  const typeOf = (spec: PropertySpec, queue: string[]): string => {
    if (spec.$ref === "pulumi.json#/Any" || (!spec.$ref && !spec.type)) return "any";
    if (spec.$ref) {
      const token = spec.$ref.replace("#/types/", "");
      const type = types[token];
      if (type.type === "string") return type.enum.map((value) => `"${value.value}"`).join(" | ");
      queue.push(token);
      return `[${tsName(token, "Result")}](#${anchor(tsName(token, "Result"))})`;
    }
    if (spec.type === "array") return `${typeOf(spec.items ?? { $ref: "pulumi.json#/Any" }, queue)}[]`;
    if (spec.type === "object") return `{ [key: string]: ${typeOf(spec.additionalProperties ?? { $ref: "pulumi.json#/Any" }, queue)} }`;
    return spec.type === "integer" ? "number" : (spec.type ?? "any");
  };
  const done = new Set<string>();
  const sections = LOOKUPS.map(({ call, args, result, finds }) => {
    const queue = [roots.get(result)!];
    const tables: string[] = [];
    for (let token = queue.shift(); token; token = queue.shift()) {
      const type = types[token];
      if (done.has(token) || type.type !== "object") continue;
      done.add(token);
      const rows = Object.entries(type.properties).map(
        ([key, spec]) => `| \`${key}\` | ${cell(typeOf(spec, queue))} | ${cell(spec.description ?? "")} |`,
      );
      tables.push(`### ${tsName(token, "Result")}\n\n| name | type | description |\n|---|---|---|\n${rows.join("\n")}`);
    }
    return `## ${result.charAt(0).toLowerCase()}${result.slice(1)}\n\n\`${call}\`, asked with a \`${args}\`. ${finds}\n\n${tables.join("\n\n")}`;
  });
  return sections.join("\n\n") + "\n";
}
