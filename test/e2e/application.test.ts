// Application through the real pulumi CLI against the emulator: the secret works, stays ciphertext
// in state and out of every command's output, rotates, follows `enabled`, survives drift and
// out-of-band deletion; bad input fails at preview before any write.
//
// One stack walks through the scenario in order (each step builds on the previous one); the
// program's arguments come from the `args` stack config, so no step needs another program.
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { CommandResult, TestStack } from "../support/pulumi-stack";
import { isPulumiPropertyTrace } from "../support/pulumi-trace";
import { reportedProblems } from "../support/preview-problems";

const program = path.join(__dirname, "programs/application");
const TYPE = "pulumi-nodejs:dynamic/runai:Application";
// A JWT: base64url header and payload, both JSON objects (`{"` encodes to `eyJ`).
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
const NAME_RULE =
  'must match ^[a-z][-_a-z0-9]*[a-z0-9]$ (lowercase letters, digits, "-" and "_", starting with a letter and ending with a letter or digit, at least 2 characters long)';

interface AppOutputs {
  appId: string;
  clientId: string;
  enabled: boolean;
  secret: string;
  credentials: { clientId: string; clientSecret: string };
}

describe("Application with the real CLI", () => {
  let admin: EmulatorHarness;
  let stack: TestStack;
  /** Every up/preview/refresh/destroy result: none may contain a secret or a token. */
  const transcripts: CommandResult[] = [];
  /** Every application secret the scenario has seen. */
  const secretsSeen = new Set<string>();

  const record = (result: CommandResult) => {
    transcripts.push(result);
    return result;
  };
  const setArgs = (args: Record<string, unknown>) => stack.setConfig("application:args", JSON.stringify(args));
  /** Whether the token endpoint (the referee) accepts these credentials. */
  const tokenAccepted = async (clientId: string, secret: string) => (await admin.tryToken(clientId, secret)) !== undefined;
  const appOutputs = async (): Promise<AppOutputs> => {
    const outputs = (await stack.outputs({ showSecrets: true })) as unknown as AppOutputs;
    secretsSeen.add(outputs.secret);
    return outputs;
  };

  beforeAll(async () => {
    admin = await EmulatorHarness.start();
    stack = await TestStack.create({ program, config: admin.stackConfig() });
  });
  afterAll(async () => {
    await stack?.cleanup();
    await admin?.stop();
  });

  let first: AppOutputs;

  it("creates an application whose secret output obtains a token", async () => {
    const up = record(await stack.up(["--logtostderr", "-v=9"]));
    expect(up.stdout).toContain("+ 2 created");
    first = await appOutputs();
    expect(first.clientId).toBe("e2e-app");
    expect(first.enabled).toBe(true);
    expect(first.credentials).toEqual({ clientId: first.clientId, clientSecret: first.secret });
    expect(await admin.tryToken(first.clientId, first.secret)).toMatch(JWT);
  });

  it("holds the secret only as ciphertext in state, and no secret in __provider", async () => {
    const state = await stack.exportState();
    const text = JSON.stringify(state);
    expect(text).not.toContain(first.secret);
    expect(text).not.toContain(admin.emulator.adminClientSecret);
    expect(text).not.toMatch(JWT);

    const [resource] = (state.deployment.resources ?? []).filter((r) => r.type === TYPE);
    expect(resource.id).toBe(first.appId);
    expect(resource.outputs?.secret).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      ciphertext: expect.any(String),
    });
    for (const provider of [resource.inputs?.__provider, resource.outputs?.__provider]) {
      expect(typeof provider).toBe("string"); // plain text: it captured nothing secret
      expect(provider).not.toContain(admin.url);
    }
  });

  it("prints [secret] without --show-secrets", async () => {
    expect((await stack.run(["stack", "output", "secret"])).stdout.trim()).toBe("[secret]");
    expect(await stack.outputs()).toMatchObject({ secret: "[secret]", credentials: "[secret]" });
    // As the README shows it: the credentials read back as JSON with --show-secrets.
    const shown = await stack.run(["stack", "output", "credentials", "--show-secrets"]);
    expect(JSON.parse(shown.stdout)).toEqual({ clientId: first.clientId, clientSecret: first.secret });
  });

  it("changes nothing on preview and refresh (lastLogin and the secret never diff)", async () => {
    record(await stack.preview({ expectNoChanges: true }));
    record(await stack.refresh({ expectNoChanges: true, extra: ["--logtostderr", "-v=9"] }));
  });

  it("rotates on a rotateWhenChanged change: same id, new secret, old one refused", async () => {
    await setArgs({ rotateWhenChanged: { rotation: "2" } });
    const up = record(await stack.up());
    expect(up.stdout).toContain("~ 1 updated");
    const rotated = await appOutputs();
    expect(rotated.appId).toBe(first.appId);
    expect(rotated.secret).not.toBe(first.secret);
    expect(await tokenAccepted(rotated.clientId, first.secret)).toBe(false);
    expect(await tokenAccepted(rotated.clientId, rotated.secret)).toBe(true);
  });

  it("shows an out-of-band disable in preview --refresh; refresh records it and up reverts it", async () => {
    const { appId, clientId, secret } = await appOutputs();
    expect((await admin.api("PATCH", `/api/v1/apps/${appId}`, { enabled: false })).status).toBe(200);
    expect(await tokenAccepted(clientId, secret)).toBe(false);

    const preview = record(await stack.preview({ refresh: true }));
    expect(preview.stdout).toContain("~ 1 to update");
    const refresh = record(await stack.refresh());
    expect(refresh.stdout).toContain("~ 1 updated");
    // Refresh records the server's view in the resource's state (stack outputs wait for the next up).
    const [refreshed] = await stack.resourcesOfType(TYPE);
    expect(refreshed.outputs?.enabled).toBe(false);

    const up = record(await stack.up());
    expect(up.stdout).toContain("~ 1 updated");
    const after = await appOutputs();
    expect(after).toMatchObject({ appId, enabled: true, secret });
    expect(await tokenAccepted(clientId, secret)).toBe(true);
  });

  it("drops an application deleted out of band on refresh; up recreates it with a new working secret", async () => {
    const before = await appOutputs();
    expect((await admin.api("DELETE", `/api/v1/apps/${before.appId}`)).status).toBe(204);

    const refresh = record(await stack.refresh());
    expect(refresh.stdout).toContain("- 1 deleted");
    expect(await stack.resourcesOfType(TYPE)).toEqual([]);

    const up = record(await stack.up());
    expect(up.stdout).toContain("+ 1 created");
    const recreated = await appOutputs();
    expect(recreated.appId).not.toBe(before.appId);
    expect(recreated.secret).not.toBe(before.secret);
    expect(await tokenAccepted(recreated.clientId, before.secret)).toBe(false);
    expect(await tokenAccepted(recreated.clientId, recreated.secret)).toBe(true);
  });

  it("enabled: false makes the token endpoint refuse the application", async () => {
    await setArgs({ rotateWhenChanged: { rotation: "2" }, enabled: false });
    const up = record(await stack.up());
    expect(up.stdout).toContain("~ 1 updated");
    const disabled = await appOutputs();
    expect(disabled.enabled).toBe(false);
    expect(await tokenAccepted(disabled.clientId, disabled.secret)).toBe(false);
  });

  it("destroys the application", async () => {
    const { appId } = await appOutputs();
    const destroy = record(await stack.destroy());
    expect(destroy.stdout).toContain("- 2 deleted");
    expect((await admin.api("GET", `/api/v1/apps/${appId}`)).status).toBe(404);
  });

  it("refuses bad names and types at preview, with exact messages and no write request", async () => {
    await admin.resetCounters();
    await setArgs({ name: "Bad_Name", enabled: "yes", rotateWhenChanged: { rotation: 2 }, adoptExisting: "sure" });
    const preview = record(await stack.preview({}, { allowFailure: true }));
    expect(preview.code).not.toBe(0);
    expect(reportedAppProblems(preview)).toEqual([
      `name: ${NAME_RULE}, got "Bad_Name"`,
      "enabled: must be true or false",
      "rotateWhenChanged.rotation: must be a string",
      "adoptExisting: must be true or false",
    ]);

    await setArgs({ name: "-leading-dash" });
    const badName = record(await stack.preview({}, { allowFailure: true }));
    expect(badName.code).not.toBe(0);
    expect(reportedAppProblems(badName)).toEqual([`name: ${NAME_RULE}, got "-leading-dash"`]);

    expect(await admin.writeCount()).toBe(0);
  });

  it("never shows a secret or a token in the output of up, preview, refresh or destroy (also at -v=9)", () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(12);
    expect(secretsSeen.size).toBeGreaterThanOrEqual(3);
    const needles = [...secretsSeen, admin.emulator.adminClientSecret];
    for (const { command, stdout, stderr } of transcripts) {
      const verbose = command.includes("-v=9");
      if (verbose) expect(stderr.split("\n").length).toBeGreaterThan(100); // the trace really was on
      const leaks = `${stdout}\n${stderr}`
        .split("\n")
        .filter((line) => needles.some((needle) => line.includes(needle)) || JWT.test(line))
        .filter((line) => !(verbose && isPulumiPropertyTrace(line)))
        .map((line) => line.slice(0, 160));
      expect({ command, leaks }).toEqual({ command, leaks: [] });
    }
  });
});

/** The check failures the engine reports for the application, each once, in order. */
function reportedAppProblems(result: CommandResult): string[] {
  return reportedProblems(result, TYPE, "e2e-app");
}
