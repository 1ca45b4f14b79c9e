// IdentityProvider through the real pulumi CLI against the emulator, with the docs' example as the
// program (an OIDC provider with its claim mappers, the client secret from secret stack config):
// it goes up with its mappers, its client secret is ciphertext in `stack export` and in no output,
// command output or log line, a mapper changed by hand shows in `preview --refresh` (and `up --refresh` puts it back), and destroy
// removes it.
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { type CommandResult, repoRoot, TestStack } from "../support/pulumi-stack";
import { isPulumiPropertyTrace } from "../support/pulumi-trace";

const program = path.join(repoRoot, "examples/resources/IdentityProvider");
const TYPE = "pulumi-nodejs:dynamic/runai:IdentityProvider";
const CLIENT_SECRET = "oidc-client-secret-4f9a7c21";
const ITEM = "/api/v1/idps/corp-sso";
const MAPPERS = { uid: "uid", gid: "gid", groups: "groups", email: "email" };
/** How Pulumi marks a secret value in a checkpoint. */
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) };

describe("IdentityProvider with the real CLI", () => {
  let emulator: EmulatorHarness;
  let stack: TestStack;
  /** Every command's result: none may hold the client secret. */
  const transcripts: CommandResult[] = [];
  const record = (result: CommandResult) => {
    transcripts.push(result);
    return result;
  };

  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), oidcClientSecret: { value: CLIENT_SECRET, secret: true } },
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
    await emulator?.stop();
  });

  it("creates the OIDC provider with its mappers, and outputs its redirect URI", async () => {
    expect(record(await stack.up(["--logtostderr", "-v=9"])).stdout).toContain("+ 2 created");
    expect((await emulator.api("GET", ITEM)).body).toEqual({
      alias: "corp-sso",
      type: "oidc",
      redirectUri: "https://emulator.run.ai/auth/realms/runai/broker/corp-sso/endpoint",
      oidcData: {
        clientId: "runai",
        clientSecret: "*******",
        discoverDocumentUrl: "https://idp.example.com/.well-known/openid-configuration",
        scopes: ["openid", "email", "profile"],
      },
      mappers: MAPPERS,
    });
    expect(await stack.outputs({ showSecrets: true })).toEqual({
      identityProviderRedirectUri: "https://emulator.run.ai/auth/realms/runai/broker/corp-sso/endpoint",
    });
  });

  it("holds the client secret only as ciphertext in state", async () => {
    const state = await stack.exportState();
    expect(JSON.stringify(state)).not.toContain(CLIENT_SECRET);
    const [resource] = (state.deployment.resources ?? []).filter((r) => r.type === TYPE);
    expect(resource.id).toBe("corp-sso");
    expect(resource.inputs?.clientSecret).toEqual(SECRET_SIG);
    expect(resource.outputs?.clientSecret).toEqual(SECRET_SIG);
    expect(resource.outputs?.mappers).toEqual(MAPPERS);
  });

  it("shows a mapper changed by hand in preview --refresh, and up --refresh puts it back", async () => {
    expect((await emulator.api("PUT", `${ITEM}/mappers`, { ...MAPPERS, email: "mail" })).status).toBe(202);
    const drift = record(await stack.preview({ refresh: true, extra: ["--diff"] }));
    // The refresh reads the hand edit (state → server), and the update writes the program's value back.
    expect(drift.stdout).toMatch(/~ email\s*: "email" => "mail"/);
    expect(drift.stdout).toContain("~ 1 to update");
    expect(record(await stack.up(["--refresh"])).stdout).toContain("~ 1 updated");
    expect((await emulator.api("GET", `${ITEM}/mappers`)).body).toEqual(MAPPERS);
    record(await stack.preview({ expectNoChanges: true, refresh: true }));
  });

  it("destroys the provider", async () => {
    expect(record(await stack.destroy()).stdout).toContain("- 2 deleted");
    expect((await emulator.api("GET", "/api/v1/idps")).body).toEqual([]);
  });

  it("never printed the client secret, in any command's output or the emulator's log", () => {
    expect(transcripts.length).toBe(5);
    for (const { command, stdout, stderr } of transcripts) {
      const verbose = command.includes("-v=9");
      const leaks = `${stdout}\n${stderr}`
        .split("\n")
        .filter((line) => line.includes(CLIENT_SECRET))
        .filter((line) => !(verbose && isPulumiPropertyTrace(line)))
        .map((line) => line.slice(0, 160));
      expect({ command, leaks }).toEqual({ command, leaks: [] });
    }
    expect(emulator.logs.filter((line) => line.includes(CLIENT_SECRET))).toEqual([]);
  });
});
