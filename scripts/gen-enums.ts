// The enum objects of `pulumi-runai/plugin` (src/plugin-resources/generated-enums.ts): one per string
// enum of the package schema, named and shaped as Pulumi's Node.js SDK generator writes them
// (`export const ConfigMapAssetMetaScope = { Project: "project", … } as const`). `pulumi import` and
// `pulumi convert` print code through Pulumi's Node.js program generator, which writes an enum value
// as `runai.<Type>.<Member>`: with these objects that code compiles against the plugin-backed classes.
// The member names follow the generator's rules (pkg/codegen/nodejs makeSafeEnumName at v3.248.0);
// test/e2e/plugin-sdks.test.ts compares them with the generated SDK's.
import { isEnumType } from "../src/plugin/schema-types";
import type { TypeSpec } from "../src/plugin/schema-types";

/** The generator's single-character replacements (pkg/codegen ExpandShortEnumName). */
const SHORT_NAMES: Record<string, string> = {
  "*": "Asterisk",
  "0": "Zero",
  "1": "One",
  "2": "Two",
  "3": "Three",
  "4": "Four",
  "5": "Five",
  "6": "Six",
  "7": "Seven",
  "8": "Eight",
  "9": "Nine",
};

const IDENTIFIER_START = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}$_]$/u;
const IDENTIFIER_PART = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}$_\p{Mn}\p{Mc}\p{Nd}\p{Pc}]$/u;

/** The member name Pulumi's Node.js generators give an enum value, e.g. "1g.5gb" of ComputeAssetSpecMigProfile → "ComputeAssetSpecMigProfile_1g_5gb". */
export function enumMemberName(typeName: string, value: string): string {
  const expanded = SHORT_NAMES[value] ?? value;
  if ([...expanded].length === 1 && !IDENTIFIER_START.test(expanded)) throw new Error(`enum name ${expanded} is not a valid identifier`);
  const capitalised = expanded.charAt(0).toUpperCase() + expanded.slice(1);
  const valid = [...capitalised]
    .map((char, index) => {
      if (!IDENTIFIER_PART.test(char)) return "_";
      return index === 0 && !IDENTIFIER_START.test(char) ? `_${char}` : char;
    })
    .join("")
    .replace(/_+/g, "_");
  // No reserved word survives: they are all lower case, and the name is capitalised.
  return valid.startsWith("_") ? typeName + valid : valid;
}

/** The module's text (before Prettier): every enum type of the schema, in the schema's order. */
export function enumsModuleText(header: string, types: Record<string, TypeSpec>): string {
  const blocks = Object.entries(types).flatMap(([token, spec]) => {
    if (!isEnumType(spec)) return [];
    const name = token.split(":")[2];
    const members = spec.enum.map(({ value }) => `  ${enumMemberName(name, value)}: ${JSON.stringify(value)},`);
    const comment = spec.description ? `/** ${spec.description} */\n` : "";
    return [
      `${comment}export const ${name} = {\n${members.join("\n")}\n} as const;\n` +
        `export type ${name} = (typeof ${name})[keyof typeof ${name}];\n`,
    ];
  });
  return `${header}\n${blocks.join("\n")}`;
}
