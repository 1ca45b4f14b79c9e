// examples/cluster-stack as a user runs it: copied out of the repository, installed from the packed
// tarball with @pulumi/kubernetes from the registry, the Kubernetes provider plugin built from Go
// modules (scripts/ensure-kubernetes.sh) and installed with `pulumi plugin install --file`. One
// `pulumi up` registers the cluster, creates its node pools and installs the chart, whose manifests
// the provider writes to a directory (renderYamlToDirectory: no Kubernetes API server here). They
// must carry the cluster's uid and a Secret with the client secret the emulator issued, while that
// secret appears in clear neither in any command's output nor in the state; destroy leaves nothing.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as yaml from "js-yaml";
import { CLUSTERS, NODE_POOLS } from "../support/emulator";
import { packedPackage } from "../support/packed";
import { repoRoot } from "../support/pulumi-stack";
import { shell, userEnv } from "../support/user-shell";

const run = promisify(execFile);
const packed = packedPackage("pulumi-runai-cluster-stack-");
const CLUSTER_NAME = "gpu-cluster-e2e";

interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
}

/** Every manifest the Kubernetes provider wrote under `dir`, from all its files. */
function renderedManifests(dir: string): Manifest[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => /\.ya?ml$/.test(file));
  return files.flatMap((file) => yaml.loadAll(fs.readFileSync(path.join(dir, file), "utf8")) as Manifest[]).filter(Boolean);
}

/** The node pools Run:ai holds in a cluster. */
async function poolsOf(clusterId: string): Promise<{ name: string }[]> {
  const { body } = await packed.emulator.api("GET", NODE_POOLS);
  return (body as { nodepools: { name: string; clusterId: string }[] }).nodepools.filter((pool) => pool.clusterId === clusterId);
}

let project: string;
let env: NodeJS.ProcessEnv;
/** Everything the user's commands printed, checked for the client secret at the end. */
const printed: string[] = [];
const pulumi = async (command: string) => {
  const output = await shell(`pulumi ${command} --non-interactive --stack dev`, project, env);
  printed.push(output);
  return output;
};

beforeAll(async () => {
  // The plugin's first build takes many minutes (the global setup starts it in the background).
  const { stdout } = await run("bash", [path.join(repoRoot, "scripts/ensure-kubernetes.sh")], { cwd: repoRoot, timeout: 3_000_000 });
  const plugin = stdout.trim().split("\n").pop()!;
  const version: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules/@pulumi/kubernetes/package.json"), "utf8")).version;

  const home = path.join(packed.scratch, "user");
  project = path.join(home, "cluster-stack");
  fs.cpSync(path.join(repoRoot, "examples/cluster-stack"), project, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|rendered)$/.test(src),
  });
  env = userEnv(home);
  // The example's own package.json, with the packed tarball in place of the published version.
  await shell(`npm install --no-audit --no-fund ${packed.tarball}`, project, env);
  await shell(`pulumi plugin install resource kubernetes ${version} --file ${plugin}`, project, env);
  await shell(
    [
      "pulumi stack init dev --non-interactive",
      `pulumi config set-all --stack dev --plaintext runai:url=${packed.emulator.url} --plaintext runai:clientId=runai-admin` +
        ` --secret runai:clientSecret=runai-admin-secret --plaintext clusterName=${CLUSTER_NAME}`,
    ].join(" && "),
    project,
    env,
  );
}, 3_300_000);

describe("examples/cluster-stack: the cluster, its node pools and its chart in one pulumi up", () => {
  let clusterId: string;
  let clientSecret: string;

  it("registers the cluster and its node pools, and renders the chart with the cluster's uid and client secret", async () => {
    const up = await pulumi("up --yes");
    expect(up).toMatch(/\+ \d+ created/);
    const outputs = JSON.parse(await pulumi("stack output --json")) as Record<string, unknown>;
    clusterId = outputs.clusterId as string;
    expect(clusterId).toMatch(/^[0-9a-f-]{36}$/);
    expect(outputs.nodePoolNames).toEqual(["a100", "h100"]);

    // What Run:ai holds: the cluster by its name, its two pools (beside the default one Run:ai creates
    // with every cluster), and the secret it issued.
    const registered = await packed.emulator.api("GET", `${CLUSTERS}/${clusterId}`);
    expect({ status: registered.status, name: registered.body.name }).toEqual({ status: 200, name: CLUSTER_NAME });
    expect((await poolsOf(clusterId)).map((pool) => pool.name).sort()).toEqual(["a100", "default", "h100"]);
    const info = await packed.emulator.api("GET", `${CLUSTERS}/${clusterId}/cluster-install-info?version=2.22`);
    expect(info.status).toBe(200);
    clientSecret = info.body.clientSecret;
    expect(clientSecret.length).toBeGreaterThan(8);

    const manifests = renderedManifests(path.join(project, "rendered"));
    const secret = manifests.find((m) => m.kind === "Secret" && m.metadata.name === "runai-client-secret");
    expect(secret?.metadata.namespace).toBe("runai");
    expect(Buffer.from(secret!.data!.clientSecret, "base64").toString("utf8")).toBe(clientSecret);
    const config = manifests.find((m) => m.kind === "ConfigMap" && m.metadata.name === "runai-cluster-config");
    expect(config?.data).toEqual({ controlPlaneUrl: packed.emulator.url, clusterUid: clusterId, clusterUrl: "https://gpu.example.com" });
    const agent = manifests.find((m) => m.kind === "Deployment" && m.metadata.name === "runai-cluster-agent");
    expect(agent?.metadata.labels?.["run.ai/cluster-uid"]).toBe(clusterId);
  });

  it("keeps the client secret out of the state and out of every command's output, even base64-encoded", async () => {
    const state = await pulumi("stack export");
    const plain = await pulumi("stack output");
    for (const text of [state, plain, ...printed]) {
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(Buffer.from(clientSecret).toString("base64"));
    }
  });

  it("destroys the chart, the node pools and the cluster: Run:ai holds none of them afterwards", async () => {
    const destroy = await pulumi("destroy --yes");
    expect(destroy).toMatch(/- \d+ deleted/);
    expect(destroy).not.toContain(clientSecret);
    expect((await packed.emulator.api("GET", `${CLUSTERS}/${clusterId}`)).status).toBe(404);
    const clusters = (await packed.emulator.api("GET", CLUSTERS)).body as { name: string }[];
    expect(clusters.map((cluster) => cluster.name)).not.toContain(CLUSTER_NAME);
    expect(await poolsOf(clusterId)).toEqual([]);
  });
});
