// What a program's TypeScript reads of the package: the declarations in dist/ (built by
// `npm test` before the tests run). A program without a TypeScript of its own is compiled by the
// TypeScript 3.8 that @pulumi/pulumi vendors, so the declarations a program imports must be plain
// TypeScript that refers to nothing but @pulumi/pulumi (zod's types need TypeScript 5), and the
// fields Run:ai requires must be required there too, so that an editor flags a missing one.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const repoRoot = path.resolve(__dirname, "../..");
const VENDORED_TS = path.join(repoRoot, "node_modules/@pulumi/pulumi/vendor/typescript@3.8.3/typescript.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts38 = require(VENDORED_TS) as typeof import("typescript");

/** Every declaration file reachable from an entry point, and the packages they import. */
function declarationGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [path.join(repoRoot, entry)];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const [, specifier] of fs.readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)) {
      if (!specifier.startsWith(".")) packages.add(specifier);
      else {
        const target = path.join(path.dirname(file), specifier);
        queue.push(fs.existsSync(`${target}.d.ts`) ? `${target}.d.ts` : path.join(target, "index.d.ts"));
      }
    }
  }
  return { files: [...files].map((file) => path.relative(repoRoot, file)).sort(), packages: [...packages].sort() };
}

/** The diagnostics TypeScript 3.8 reports for a program file (not for the libraries it reads). */
function compileWithVendoredTypescript(source: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-ts38-"));
  try {
    // The program resolves `pulumi-runai` and `@pulumi/pulumi` as an installed program would.
    fs.mkdirSync(path.join(dir, "node_modules/@pulumi"), { recursive: true });
    fs.symlinkSync(repoRoot, path.join(dir, "node_modules/pulumi-runai"));
    fs.symlinkSync(path.join(repoRoot, "node_modules/@pulumi/pulumi"), path.join(dir, "node_modules/@pulumi/pulumi"));
    const file = path.join(dir, "index.ts");
    fs.writeFileSync(file, source);
    // The options @pulumi/pulumi's ts-node registration uses for a program without a tsconfig.json.
    const program = ts38.createProgram([file], {
      target: ts38.ScriptTarget.ES2020,
      module: ts38.ModuleKind.CommonJS,
      moduleResolution: ts38.ModuleResolutionKind.NodeJs,
      types: [],
    });
    const sourceFile = program.getSourceFile(file);
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((d) =>
      ts38.flattenDiagnosticMessageText(d.messageText, "\n"),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it.each(["dist/index.d.ts", "dist/plugin-resources/index.d.ts"])("%s refers to no package but @pulumi/pulumi", (entry) => {
  const { files, packages } = declarationGraph(entry);
  expect(packages).toEqual(["@pulumi/pulumi"]);
  expect(files.filter((file) => file.startsWith("dist/schemas/") || file.startsWith("dist/client/"))).toEqual([]);
});

it("a program of every kind of resource and look-up compiles with the TypeScript 3.8 that @pulumi/pulumi vendors", () => {
  expect(ts38.version).toBe("3.8.3");
  const diagnostics = compileWithVendoredTypescript(`
    import * as pulumi from "@pulumi/pulumi";
    import * as runai from "pulumi-runai";
    const cluster = pulumi.output(runai.getCluster({ name: "research" }));
    const department = new runai.Department("d", { clusterId: cluster.id, resources: [{ nodePool: { name: "default" }, gpu: { deserved: 2 } }] });
    const project = new runai.Project("p", { clusterId: cluster.id, departmentId: department.id });
    const projectId = project.id.apply(Number);
    new runai.ConfigMapAsset("c", { meta: { scope: "project", projectId }, spec: { configMap: "c", mountPath: "/etc/c" } });
    new runai.EnvironmentAsset("e", { meta: { scope: "tenant" }, spec: { image: "python:3.12", environmentVariables: [{ name: "A", value: "b" }] } });
    new runai.ComputeAsset("g", { meta: { scope: "tenant" }, spec: { gpuDevicesRequest: 1 } });
    const key = new runai.AccessKeyCredential("k", { meta: { scope: "tenant" }, spec: { accessKeyId: "id", secretAccessKey: pulumi.secret("s") } });
    new runai.S3Asset("s3", { meta: { scope: "tenant" }, spec: { bucket: "b", path: "/data", accessKeyAssetId: key.meta.id } });
    const app = new runai.Application("ci");
    new runai.AccessRule("r", { subjectType: "app", subjectId: app.name, role: "ML engineer", scopeType: "project", scopeId: project.id });
    export const namespace = project.namespace;
    export const deserved = department.resources.apply((quotas) => quotas && quotas[0].gpu && quotas[0].gpu.deserved);
    export const credentials = app.credentials;
  `);
  expect(diagnostics).toEqual([]);
});

it("leaving out a field Run:ai requires is a compile error naming it, with TypeScript 3.8 too", () => {
  const diagnostics = compileWithVendoredTypescript(`
    import { ConfigMapAsset } from "pulumi-runai";
    new ConfigMapAsset("c", { meta: { scope: "project", projectId: 1001 }, spec: { mountPath: "/etc/c" } });
  `);
  expect(diagnostics).toEqual([
    "Type '{ mountPath: string; }' is not assignable to type 'Input<ConfigMapAssetSpecArgs>'.\n" +
      "  Property 'configMap' is missing in type '{ mountPath: string; }' but required in type 'ConfigMapAssetSpecArgs'.",
  ]);
});
