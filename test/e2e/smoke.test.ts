import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { pulumiBinDir, TestStack } from "../support/pulumi-stack";
import { compareVersions, minimumPulumiVersion, pinnedPulumiVersion } from "../support/pulumi-version";

const program = path.join(__dirname, "programs/smoke");

describe("the real pulumi CLI runs a dynamic resource offline", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await TestStack.create({ program, config: { "smoke:text": "hi there" } });
  });
  afterAll(() => stack?.cleanup());

  it(`is the real binary: the pinned v${pinnedPulumiVersion()} when built here, else an installed one new enough`, () => {
    const version = execFileSync(path.join(pulumiBinDir(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
    expect(version).toMatch(/^v3\.\d+\.\d+/);
    // scripts/ensure-pulumi.sh names the directories it builds into after the version they hold.
    if (path.basename(pulumiBinDir()).startsWith(`v${pinnedPulumiVersion()}-`)) {
      expect(version).toBe(`v${pinnedPulumiVersion()}`);
    } else {
      expect(compareVersions(version, minimumPulumiVersion())).toBeGreaterThanOrEqual(0);
    }
  });

  it("goes through up, preview --expect-no-changes, an update and destroy", async () => {
    const up = await stack.up();
    expect(up.stdout).toContain("+ 2 created");
    expect(await stack.outputs()).toEqual({ text: "hi there", length: 8 });

    await stack.preview({ expectNoChanges: true });

    await stack.setConfig("smoke:text", "hello again");
    const replaced = await stack.up();
    expect(replaced.stdout).toContain("+-1 replaced");
    expect(await stack.outputs()).toEqual({ text: "hello again", length: 11 });

    const destroyed = await stack.destroy();
    expect(destroyed.stdout).toContain("- 2 deleted");
    expect(await stack.resourcesOfType("pulumi-nodejs:dynamic/smoke:Greeting")).toEqual([]);
  });
});
