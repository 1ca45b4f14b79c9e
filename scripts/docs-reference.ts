// The reference half of a generated resource page (scripts/gen-docs.ts): the inputs, the outputs
// and every nested type they refer to, as Markdown tables, from the runai package schema. Each
// input says whether Run:ai requires it and what a change to it does (in place, or a replacement),
// from the kind's field rules, so the page says what the adapter does.
import type { AnyResourceKind, FieldRule } from "../src/provider/kind";
import type { PackageSchema, PropertySpec, ResourceSpec } from "../src/plugin/schema";
import { tsName } from "./gen-types";
import type { Side } from "./gen-types";

/** A property whose description is missing: the docs test lists them, and the generator refuses them. */
export interface Undescribed {
  type: string;
  property: string;
}

/** What a change of the field at `path` does: the most specific field rule that covers it. */
export function changeRule(kind: AnyResourceKind, path: string): "replaces" | "in place" | "" {
  const covers = (rule: FieldRule) => path === rule.path || path.startsWith(`${rule.path}.`) || path.startsWith(`${rule.path}[]`);
  const rules = [
    ...kind.creationOnly.filter(covers).map((rule) => ({ rule, replaces: true })),
    ...kind.updatable.filter(covers).map((rule) => ({ rule, replaces: false })),
  ].sort((a, b) => b.rule.path.length - a.rule.path.length);
  if (rules.length === 0) return "";
  return rules[0].replaces ? "replaces" : "in place";
}

/** Markdown inside a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

/** Heading anchors as GitHub and the Registry make them. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}

interface PendingType {
  token: string;
  side: Side;
  /** The dotted input path the type is first met at (rules of its fields are relative to it). */
  path: string;
}

/** Renders one resource's inputs, outputs and nested types; collects undescribed properties. */
export class ReferenceWriter {
  readonly undescribed: Undescribed[] = [];
  private readonly queues: Record<Side, PendingType[]> = { Args: [], Outputs: [], Result: [] };
  private readonly done = new Set<string>();

  constructor(
    private readonly schema: PackageSchema,
    private readonly kind: AnyResourceKind,
  ) {}

  /** The type of a property as TypeScript names it, nested object types linked (and queued). */
  typeOf(spec: PropertySpec, side: Side, path: string): string {
    if (spec.$ref === "pulumi.json#/Any") return "any";
    if (spec.$ref) {
      const token = spec.$ref.replace("#/types/", "");
      const type = this.schema.types[token];
      if (type.type === "string") return type.enum.map((value) => `"${value.value}"`).join(" | ");
      const name = tsName(token, side);
      this.queues[side].push({ token, side, path });
      return `[${name}](#${anchor(name)})`;
    }
    switch (spec.type) {
      case "array":
        return `${this.typeOf(spec.items ?? { $ref: "pulumi.json#/Any" }, side, `${path}[]`)}[]`;
      case "object":
        return `{ [key: string]: ${this.typeOf(spec.additionalProperties ?? { $ref: "pulumi.json#/Any" }, side, `${path}.*`)} }`;
      case "integer":
        return "number";
      default:
        return spec.type ?? "any";
    }
  }

  /** The inputs table: name, type, required, what a change does, description. */
  inputs(resource: ResourceSpec): string {
    return this.inputTable(this.kind.type, resource.inputProperties, resource.requiredInputs ?? [], "");
  }

  /** The outputs table: `id` and every property of the resource. */
  outputs(resource: ResourceSpec, idDescription: string): string {
    const rows = [`| \`id\` | string | ${cell(idDescription)} |`];
    for (const [key, spec] of Object.entries(resource.properties)) {
      rows.push(
        `| \`${key}\` | ${cell(this.typeOf(spec, "Outputs", key))} | ${cell(this.describe(this.kind.type, key, spec, "Outputs"))} |`,
      );
    }
    return ["| name | type | description |", "|---|---|---|", ...rows].join("\n");
  }

  /** Every object type of one side met so far (and those they refer to), one section each, in the order met. */
  nestedTypes(side: Side): string {
    const sections: string[] = [];
    const queue = this.queues[side];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const name = tsName(next.token, side);
      if (this.done.has(name)) continue;
      this.done.add(name);
      const type = this.schema.types[next.token];
      if (type.type !== "object") continue;
      const table =
        side === "Args"
          ? this.inputTable(name, type.properties, type.required ?? [], `${next.path}.`)
          : this.outputTable(name, type.properties, next.path);
      sections.push(`### ${name}\n\n${type.description ? `${type.description}\n\n` : ""}${table}`);
    }
    return sections.join("\n\n");
  }

  private inputTable(owner: string, properties: Record<string, PropertySpec>, required: readonly string[], prefix: string): string {
    const rows = Object.entries(properties).map(([key, spec]) => {
      const path = `${prefix}${key}`;
      // An object whose fields differ (an asset's meta) says "per field"; adoptExisting changes nothing in Run:ai.
      const change =
        key === "adoptExisting" && prefix === "" ? "" : changeRule(this.kind, path) || (this.hasRulesInside(path) ? "per field" : "");
      const notes = [
        spec.secret ? "Secret: encrypted in state, `[secret]` in every output." : "",
        path === this.kind.identity.namePath && !/defaults to the (pulumi )?resource/i.test(spec.description ?? "")
          ? "Defaults to the resource's name."
          : "",
      ].filter(Boolean);
      const description = [this.describe(owner, key, spec, "Args"), ...notes].join(" ");
      return `| \`${key}\` | ${cell(this.typeOf(spec, "Args", path))} | ${required.includes(key) ? "yes" : "no"} | ${change} | ${cell(description)} |`;
    });
    return ["| name | type | required | on change | description |", "|---|---|---|---|---|", ...rows].join("\n");
  }

  private hasRulesInside(path: string): boolean {
    return [...this.kind.creationOnly, ...this.kind.updatable].some((rule) => rule.path.startsWith(`${path}.`));
  }

  private outputTable(owner: string, properties: Record<string, PropertySpec>, path: string): string {
    const rows = Object.entries(properties).map(
      ([key, spec]) =>
        `| \`${key}\` | ${cell(this.typeOf(spec, "Outputs", `${path}.${key}`))} | ${cell(this.describe(owner, key, spec, "Outputs"))} |`,
    );
    return ["| name | type | description |", "|---|---|---|", ...rows].join("\n");
  }

  private describe(owner: string, key: string, spec: PropertySpec, side: Side): string {
    if (spec.description) return spec.description;
    this.undescribed.push({ type: `${owner}${owner === this.kind.type ? ` ${side === "Args" ? "input" : "output"}` : ""}`, property: key });
    return "";
  }
}
