// Shared plumbing of the plugin-backed resource classes (`pulumi-runai/plugin`, generated like the
// dynamic ones: generated-*classes.ts): the same inputs as the dynamic classes (src/resources/common.ts,
// secret fields included), registered as custom resources of the `runai` provider plugin
// (`runai:index:<Type>`) instead of dynamic resources.
import * as pulumi from "@pulumi/pulumi";
import { classInputs, classOptions, TYPE_MODULE } from "../resources/common";

/** The provider plugin's package: type tokens read `runai:index:<Type>`, provider resources `pulumi:providers:runai`. */
export const PLUGIN_PACKAGE = "runai";

/** e.g. `runai:index:ConfigMapAsset`. */
export function pluginType(resourceType: string): string {
  return `${PLUGIN_PACKAGE}:index:${resourceType}`;
}

/**
 * The options of a plugin-backed resource: the caller's, plus an alias to the dynamic resource of
 * the same type and name (`pulumi-nodejs:dynamic/runai:<Type>`), so that a stack made with the
 * dynamic classes moves to these without a replacement when the program switches its import.
 */
export function pluginOptions<T extends pulumi.CustomResourceOptions>(resourceType: string, opts: T | undefined): T {
  const dynamicType = `pulumi-nodejs:dynamic/${TYPE_MODULE}:${resourceType}`;
  return { ...opts, aliases: [...(opts?.aliases ?? []), { type: dynamicType }] } as T;
}

/**
 * The arguments of a plugin-backed class's `super(...)`: the plugin's type token, the dynamic
 * classes' inputs and options, and the alias to the dynamic type. A function, not a base class: the
 * SDK takes as the resource's source position the frame above three constructors (Resource,
 * CustomResource and the class), so a base class of ours in between made every resource "declared"
 * in the generated file instead of the program.
 */
export function pluginResourceArgs(
  resourceType: string,
  name: string,
  args: object | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
): [string, string, pulumi.Inputs, pulumi.CustomResourceOptions] {
  return [
    pluginType(resourceType),
    name,
    classInputs(resourceType, name, args),
    pluginOptions(resourceType, classOptions(resourceType, opts)),
  ];
}
