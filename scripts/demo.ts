// `npm run demo`: the quickstart against a local Run:ai emulator, with the real pulumi CLI.
// up → outputs → a hand-made change → preview --refresh shows the drift → up restores it → destroy;
// then the same assets from Pulumi YAML through the runai plugin (examples/yaml-quickstart), and a
// team onboarded with examples/team-onboarding.
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { CONFIG_MAPS as CONFIGMAPS, EmulatorHarness } from "../test/support/emulator";
import { repoRoot, TestStack } from "../test/support/pulumi-stack";
import type { CommandResult } from "../test/support/pulumi-stack";

function banner(text: string): void {
  process.stdout.write(`\n\x1b[1m━━ ${text}\x1b[0m\n`);
}

function show(result: CommandResult): void {
  process.stdout.write(result.stdout.replace(/\n{3,}/g, "\n\n"));
}

async function main(): Promise<void> {
  const binDir = execFileSync("bash", [path.join(repoRoot, "scripts/ensure-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop();
  process.env.PULUMI_BIN_DIR = binDir;

  banner("Starting the Run:ai emulator (a local control plane with a seeded organisation)");
  const emulator = await EmulatorHarness.start({ syncDelayMs: 300 });
  const org = emulator.emulator.organisation;
  console.log(`  URL ${emulator.url}; project ${org.projects[0].id} "${org.projects[0].name}" in department "${org.departments[0].name}"`);

  const stack = await TestStack.create({
    program: path.join(repoRoot, "examples/quickstart"),
    stackName: "demo",
    config: emulator.stackConfig(),
  });
  let failed = false;
  try {
    banner("pulumi up: create the quickstart's assets (each waits until Run:ai reports it synced)");
    show(await stack.up());

    banner("pulumi stack output");
    const outputs = await stack.outputs();
    console.log(JSON.stringify(outputs, null, 2));

    banner("pulumi stack output ciCredentials --show-secrets: the CI application's credentials, decrypted on request");
    const credentials = (await stack.outputs({ showSecrets: true })).ciCredentials as { clientId: string; clientSecret: string };
    const token = await emulator.tryToken(credentials.clientId, credentials.clientSecret);
    console.log(`  clientId ${credentials.clientId}; clientSecret ${"*".repeat(8)} (${credentials.clientSecret.length} characters)`);
    console.log(`  the Run:ai token endpoint ${token ? "accepts" : "REFUSES"} them`);
    if (!token) throw new Error("the exported application credentials do not work");

    banner("Someone changes training-config by hand (mountPath /etc/training → /mnt/hand-edited)");
    const id = String(outputs.trainingConfigId);
    const current = (await emulator.api("GET", `${CONFIGMAPS}/${id}`)).body;
    await emulator.api("PUT", `${CONFIGMAPS}/${id}`, {
      meta: { name: current.meta.name, description: current.meta.description },
      spec: { ...current.spec, mountPath: "/mnt/hand-edited" },
    });

    banner("pulumi preview --refresh: the drift shows up as an update");
    show(await stack.preview({ refresh: true }));

    banner("pulumi up --refresh: the program's values are put back");
    show(await stack.up(["--refresh"]));
    const restored = (await emulator.api("GET", `${CONFIGMAPS}/${id}`)).body.spec.mountPath;
    console.log(`  mountPath on the server is now ${restored}`);
    if (restored !== "/etc/training") throw new Error(`drift was not reverted: mountPath is ${restored}`);

    banner("pulumi preview --refresh --expect-no-changes: in sync");
    show(await stack.preview({ refresh: true, expectNoChanges: true }));

    banner("pulumi destroy");
    show(await stack.destroy());

    await yamlQuickstart(emulator);
    await onboardTeam(emulator);
  } catch (err) {
    failed = true;
    console.error(err instanceof Error ? err.message : err);
  } finally {
    await stack.cleanup();
    await emulator.stop();
  }

  banner(failed ? "Demo failed" : "Demo finished");
  if (!failed) {
    console.log(
      [
        "  What happened: pulumi created two ConfigMap assets, an environment and an application in the",
        "  emulator; the application's secret stayed a Pulumi secret and its credentials obtained a token;",
        "  a hand-made edit was caught by `pulumi preview --refresh` and reverted by `pulumi up`, and",
        "  `pulumi destroy` removed everything. A Pulumi YAML program made a ConfigMap asset, a registry",
        "  credential and an application through the runai plugin, and destroyed them. Then a team was",
        "  onboarded with no hard-coded id: a department, a project with a GPU quota, and a CI",
        "  application whose token works in that project only. Point the same programs at your tenant with",
        "  `pulumi config set runai:url https://<tenant>.run.ai` and application credentials (see README).",
      ].join("\n"),
    );
  }
  process.exitCode = failed ? 1 : 0;
}

/**
 * examples/yaml-quickstart: the same kind of assets from a Pulumi YAML program, through the runai
 * plugin (node_modules/pulumi-runai/bin), with the registry password as secret config.
 */
async function yamlQuickstart(emulator: EmulatorHarness): Promise<void> {
  const stack = await TestStack.create({
    program: path.join(repoRoot, "examples/yaml-quickstart"),
    stackName: "yaml",
    config: { ...emulator.stackConfig(), registryPassword: { value: "demo-registry-password", secret: true } },
  });
  try {
    banner("pulumi up on examples/yaml-quickstart: Pulumi YAML through the runai plugin (runai:index:<Type>)");
    show(await stack.up());

    banner("pulumi stack output --show-secrets: ciSecret, [secret] above, decrypted on request");
    const { ciClientId, ciSecret } = await stack.outputs({ showSecrets: true });
    const token = await emulator.tryToken(String(ciClientId), String(ciSecret));
    console.log(`  clientId ${String(ciClientId)}; the Run:ai token endpoint ${token ? "accepts" : "REFUSES"} its secret`);
    if (!token) throw new Error("the YAML quickstart's application credentials do not work");

    banner("pulumi destroy");
    show(await stack.destroy());
  } finally {
    await stack.cleanup();
  }
}

/**
 * examples/team-onboarding: a department, a project with a GPU quota, and a CI application that may
 * act in that project only, all from looked-up ids.
 */
async function onboardTeam(emulator: EmulatorHarness): Promise<void> {
  const stack = await TestStack.create({
    program: path.join(repoRoot, "examples/team-onboarding"),
    stackName: "onboarding",
    config: emulator.stackConfig(),
  });
  try {
    banner("pulumi up on examples/team-onboarding: a team's department, project, CI application and its access rule");
    show(await stack.up());
    const outputs = await stack.outputs({ showSecrets: true });
    const { clientId, clientSecret } = outputs.ciCredentials as { clientId: string; clientSecret: string };
    console.log(`  project ${String(outputs.projectId)}, namespace ${String(outputs.namespace)}`);

    banner("The CI application, with its own credentials, creates an asset in its project and is refused elsewhere");
    const token = await emulator.tryToken(clientId, clientSecret);
    const asset = (projectId: number) => ({
      body: { meta: { name: "made-by-ci", scope: "project", projectId }, spec: { configMap: "ci", mountPath: "/etc/ci" } },
      token,
    });
    const own = await emulator.call("POST", CONFIGMAPS, asset(Number(outputs.projectId)));
    const other = await emulator.call("POST", CONFIGMAPS, asset(1001));
    console.log(`  in its project: ${own.status}; in project 1001: ${other.status} ${JSON.stringify(other.body.message)}`);
    if (own.status !== 202 || other.status !== 403) throw new Error("the access rule does not work as declared");
    await emulator.call("DELETE", `${CONFIGMAPS}/${String(own.body.meta.id)}`, { token });

    banner("pulumi destroy: the access rule goes first, then everything else");
    show(await stack.destroy());
  } finally {
    await stack.cleanup();
  }
}

void main();
