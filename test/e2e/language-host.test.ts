// The Pulumi.yaml settings that shape how a Node.js program runs, honoured by our language host
// (tools/pulumi-cli/cmd/pulumi-language-nodejs) as by the official one: the runtime options
// nodeargs, typescript and tsconfig, and the project's main. One trivial program (no resources)
// per setting; the stacks run in parallel and each case checks its own.
import * as fs from "node:fs";
import * as path from "node:path";
import { CommandResult, TestStack } from "../support/pulumi-stack";

const programs = path.join(__dirname, "programs/language-host");

/** Runs `pulumi up` on the program and returns its stack outputs. */
function upOutputs(program: string, prepare?: (stack: TestStack) => void): Promise<Record<string, unknown>> {
  return withStack(program, async (stack) => {
    prepare?.(stack);
    await stack.up();
    return stack.outputs();
  });
}

async function withStack<T>(program: string, use: (stack: TestStack) => Promise<T>): Promise<T> {
  const stack = await TestStack.create({ program: path.join(programs, program), stackName: program });
  try {
    return await use(stack);
  } finally {
    await stack.cleanup();
  }
}

describe("the Node.js language host honours Pulumi.yaml's runtime settings", () => {
  let runs: {
    nodeargs: Promise<Record<string, unknown>>;
    mainDir: Promise<Record<string, unknown>>;
    javascript: Promise<Record<string, unknown>>;
    tsconfig: Promise<Record<string, unknown>>;
    invalidOption: Promise<CommandResult>;
  };

  beforeAll(() => {
    runs = {
      nodeargs: upOutputs("nodeargs"),
      mainDir: upOutputs("main-dir"),
      javascript: upOutputs("javascript"),
      // A tsconfig.json beside it asks for a newer target: the named file must win.
      tsconfig: upOutputs("tsconfig", (stack) =>
        fs.writeFileSync(path.join(stack.workDir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022" } })),
      ),
      invalidOption: withStack("invalid-option", (stack) => stack.preview({}, { allowFailure: true })),
    };
    // Each case awaits its own run; a failure must not also surface as an unhandled rejection.
    for (const run of Object.values(runs)) (run as Promise<unknown>).catch(() => undefined);
  });

  it("nodeargs: node gets the arguments, split like a shell would, and runs the preload first", async () => {
    expect(await runs.nodeargs).toEqual({
      preloaded: "pre load.js ran first",
      execArgv: ["--require", "./pre load.js", "--max-old-space-size=256"],
    });
  });

  it("main: the program runs from the directory Pulumi.yaml names", async () => {
    expect(await runs.mainDir).toEqual({ programFile: path.join("src", "index.ts"), workingDirectory: "src" });
  });

  it("typescript: false runs plain JavaScript (package.json main) without ts-node", async () => {
    expect(await runs.javascript).toEqual({ typescriptLoader: false, programFile: "app.js" });
  });

  it("tsconfig: ts-node compiles with the named file, not tsconfig.json", async () => {
    const { compiled } = await runs.tsconfig;
    expect(compiled).toContain("void 0");
    expect(compiled).not.toContain("?.");
  });

  it("an option of the wrong type fails the run with the official host's message", async () => {
    const result = await runs.invalidOption;
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("typescript option must be a boolean");
  });
});
