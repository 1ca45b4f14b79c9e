// The emulator as a person trying the package meets it: the banner of `runai-emulator` (what it
// prints, and that its token command and admin URL work), and the README's "Calling the emulator by
// hand" block, run as written (with curl) against a started emulator.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { banner } from "../../src/emulator/cli";
import { CONFIG_MAPS, useEmulator } from "../support/emulator";

const run = promisify(execFile);
const README = path.join(__dirname, "../../README.md");
const t = useEmulator({ quiet: true });

/** Runs a shell script with bash, failing on the first failed command. */
async function bash(script: string): Promise<string> {
  return (await run("bash", ["-euo", "pipefail", "-c", script], { timeout: 30_000 })).stdout;
}

describe("the banner", () => {
  let text: string;
  beforeEach(() => {
    text = banner(t.emulator, undefined);
  });

  it("prints the admin credentials, the cluster and its node pools, the departments and projects", () => {
    expect(text.split("\n")).toEqual([
      `Run:ai emulator listening on ${t.url}`,
      "  admin client id:     runai-admin",
      "  admin client secret: runai-admin-secret",
      "  tenant id:           1",
      "  cluster id:          7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31",
      "  cluster name:        research-cluster",
      "  node pool:           1 default (the default)",
      "  node pool:           2 a100",
      "  department:          101 research",
      "  department:          102 platform",
      "  project:             1001 team-a (department 101)",
      "  project:             1002 team-b (department 101)",
      "  project:             1003 team-c (department 102)",
      "  state file:          (none: state is in memory only)",
      `  a token by hand:     curl -s -X POST ${t.url}/api/v1/token -H 'content-type: application/json' -d ` +
        `'{"grantType":"client_credentials","clientId":"runai-admin","clientSecret":"runai-admin-secret"}'`,
      `  admin API:           ${t.url}/__emulator/ (its routes: counters, faults, reset, state)`,
    ]);
  });

  it("names the node pools and the cluster as the look-ups find them", async () => {
    const pools = (await t.api("GET", "/api/v1/node-pools")).body.nodepools as { id: string; name: string }[];
    const cluster = (await t.api("GET", `/api/v1/clusters/${t.emulator.organisation.clusterId}`)).body as { name: string };
    for (const pool of pools) expect(text).toContain(`  node pool:           ${pool.id} ${pool.name}`);
    expect(text).toContain(`  cluster name:        ${cluster.name}\n`);
  });

  it("prints a token command that gets a token the API accepts", async () => {
    const command = /a token by hand: +(.*)$/m.exec(text)![1];
    const { accessToken } = JSON.parse(await bash(command)) as { accessToken: string };
    expect((await t.call("GET", CONFIG_MAPS, { token: accessToken })).status).toBe(200);
  });

  it("prints an admin URL that answers with the admin routes, each of which is served", async () => {
    const adminUrl = /admin API: +(\S+)/.exec(text)![1];
    const response = await fetch(adminUrl);
    expect(response.status).toBe(200);
    const index = (await response.json()) as { emulator: string; api: string; routes: { route: string; does: string }[] };
    expect(index.emulator).toBe("the Run:ai emulator's admin API: loopback callers only, no token, never counted nor faulted");
    expect(index.api).toBe("the Run:ai API is under /api/v1: POST /api/v1/token for a token, then Authorization: Bearer <accessToken>");
    expect(index.routes.map((r) => r.route)).toEqual([
      "GET /__emulator/counters",
      "DELETE /__emulator/counters",
      "GET /__emulator/faults",
      "PUT /__emulator/faults",
      "DELETE /__emulator/faults",
      "POST /__emulator/reset",
      "GET /__emulator/state",
      "PUT /__emulator/assets/{AssetId}/status",
      "DELETE /__emulator/assets/{AssetId}/status",
      "PUT /__emulator/projects/{projectId}/phase",
      "DELETE /__emulator/projects/{projectId}/phase",
      "PUT /__emulator/clusters/{clusterUuid}/state",
      "POST /__emulator/clusters/{clusterUuid}/client-secret",
      "POST /__emulator/idps",
    ]);
    for (const { route } of index.routes) {
      const [method, template] = route.split(" ");
      const answer = await fetch(new URL(template.replace(/\{[^}]+\}/, "4242"), adminUrl), {
        method,
        headers: { "content-type": "application/json" },
        body: method === "PUT" ? JSON.stringify({ rules: [] }) : undefined,
      });
      // Unknown ids answer 404 with their own message; only an unserved route says "no emulator admin route".
      expect({ route, message: ((await answer.json()) as { message?: string }).message ?? "" }).not.toMatchObject({
        message: expect.stringContaining("no emulator admin route"),
      });
    }
  });
});

it("runs the README's 'Calling the emulator by hand' block as written: the quickstart's asset gets a new description", async () => {
  const readme = fs.readFileSync(README, "utf8");
  const section = readme.slice(readme.indexOf("### Calling the emulator by hand"));
  const script = /```sh\n([\s\S]*?)```/.exec(section)![1];
  expect(script).toContain("url=http://127.0.0.1:8090\n");
  // The quickstart's training-config, as `pulumi up` creates it.
  const created = await t.api("POST", CONFIG_MAPS, {
    meta: {
      name: "training-config",
      scope: "project",
      projectId: 1001,
      description: "Hyper-parameters shared by the team's training jobs",
    },
    spec: { configMap: "training-hyperparameters", mountPath: "/etc/training" },
  });
  expect(created.status).toBe(202);
  const id = created.body.meta.id as string;

  const answer = JSON.parse(await bash(script.replace("url=http://127.0.0.1:8090\n", `url=${t.url}\n`))) as { meta: { id: string } };
  expect(answer.meta.id).toBe(id);

  const after = (await t.api("GET", `${CONFIG_MAPS}/${id}`)).body;
  expect(after.meta.description).toBe("edited by hand");
  expect(after.spec).toEqual(created.body.spec);
  expect(after.meta.name).toBe("training-config");
});
