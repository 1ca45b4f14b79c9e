// Every name a program can import from the package (each entry point of package.json's `exports`,
// values and types alike, as the declarations in dist/ export them) is named in the README or in
// docs/: a new export without a word about it fails here.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const repoRoot = path.resolve(__dirname, "../..");
const { exports: entryPoints } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  exports: Record<string, string>;
};

/** The names a declaration file exports (re-exports followed), as TypeScript resolves them. */
function exportedNames(declarations: string): string[] {
  const program = ts.createProgram([declarations], { module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(declarations)!);
  if (!module) throw new Error(`${declarations} is no module`);
  return checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(file) : entry.name.endsWith(".md") ? [file] : [];
  });
}

const documentation = [path.join(repoRoot, "README.md"), ...markdownFiles(path.join(repoRoot, "docs"))]
  .map((file) => fs.readFileSync(file, "utf8"))
  .join("\n");

/** The JavaScript entry points of the package (not `./package.json`), e.g. "pulumi-runai/plugin" → dist/plugin-resources/index.d.ts. */
const modules = Object.entries(entryPoints)
  .filter(([, target]) => target.endsWith(".js"))
  .map(([subpath, target]) => [path.posix.join("pulumi-runai", subpath), path.join(repoRoot, target.replace(/\.js$/, ".d.ts"))]);

it("covers the entry points a program imports", () => {
  expect(modules.map(([name]) => name)).toEqual(expect.arrayContaining(["pulumi-runai", "pulumi-runai/plugin"]));
});

it.each(modules)("every export of %s is named in the README or in docs/", (_name, declarations) => {
  const names = exportedNames(declarations);
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter((name) => !new RegExp(`\\b${name}\\b`).test(documentation))).toEqual([]);
});
