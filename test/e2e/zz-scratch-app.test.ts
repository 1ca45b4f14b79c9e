import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorHarness } from "../harness/emulator";
import { TestStack } from "../harness/pulumi-stack";

it("dumps -v=9", async () => {
  const admin = await EmulatorHarness.start();
  const stack = await TestStack.create({ program: path.join(__dirname, "programs/application"), config: admin.stackConfig() });
  try {
    const up = await stack.up(["--logtostderr", "-v=9"]);
    const outs = await stack.outputs({ showSecrets: true });
    const out = up.stdout + "\n" + up.stderr;
    fs.writeFileSync("/tmp/app-v9.log", out);
    fs.writeFileSync("/tmp/app-v9-secrets.json", JSON.stringify({ app: outs.secret, admin: admin.emulator.adminClientSecret }));
    const r = await stack.refresh({ extra: ["--logtostderr", "-v=9"] });
    fs.writeFileSync("/tmp/app-v9-refresh.log", r.stdout + "\n" + r.stderr);
  } finally {
    await stack.cleanup();
    await admin.stop();
  }
});
