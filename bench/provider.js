#!/usr/bin/env node
// Provider-side costs that users feel during `pulumi preview` and `pulumi up`, measured against the
// emulator on loopback (requires a build: npm run build).
//
//   node bench/provider.js [--assets 200] [--concurrency 10]
//
// - check: preview-time validation of a full environment spec (per call, in microseconds);
// - diff: comparing a refreshed environment with the program's inputs;
// - create/read/delete through the client with a shared cached token, as the provider host does
//   when the engine runs up to --parallel operations at once (ops/s and per-operation latency);
// - resident memory of this process after the run.
"use strict";
const path = require("node:path");
const { parseArgs } = require("node:util");
const { performance } = require("node:perf_hooks");

const dist = path.join(__dirname, "../dist");
const { startEmulator } = require(path.join(dist, "emulator"));
const { RunaiClient } = require(path.join(dist, "client"));
const { providerFor } = require(path.join(dist, "provider"));
const { CONFIG_MAP_ASSET } = require(path.join(dist, "schemas"));

const { values } = parseArgs({
  options: { assets: { type: "string", default: "200" }, concurrency: { type: "string", default: "10" } },
});
const ASSETS = Number(values.assets);
const CONCURRENCY = Number(values.concurrency);

const environment = {
  meta: { name: "bench-env", scope: "project", projectId: 1001, workloadSupportedTypes: { workspace: true } },
  spec: {
    image: "quay.io/jupyter/scipy-notebook:2024-10-07",
    imagePullPolicy: "IfNotPresent",
    uidGidSource: "custom",
    runAsUid: 1000,
    runAsGid: 100,
    environmentVariables: Array.from({ length: 20 }, (_, i) => ({ name: `VAR_${i}`, value: String(i) })),
    connections: [{ name: "jupyter", internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort", containerPort: 8888 } }],
  },
};

async function timeAsync(label, count, concurrency, fn) {
  const latencies = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  return { label, value: `${(count / seconds).toFixed(0)} ops/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms` };
}

async function main() {
  const rows = [];
  const envProvider = providerFor("EnvironmentAsset");
  // check and diff are async only by interface; await in a loop measures them fairly.
  const checkStart = performance.now();
  for (let i = 0; i < 2000; i++) await envProvider.check({}, environment);
  rows.push({
    label: "check (environment, 20 variables)",
    value: `${(((performance.now() - checkStart) * 1000) / 2000).toFixed(1)} µs/call`,
  });
  const diffStart = performance.now();
  for (let i = 0; i < 2000; i++) await envProvider.diff("id", environment, environment);
  rows.push({ label: "diff (environment, no change)", value: `${(((performance.now() - diffStart) * 1000) / 2000).toFixed(1)} µs/call` });

  const emulator = await startEmulator({ port: 0, quiet: true, syncDelayMs: 0 });
  try {
    const client = new RunaiClient({
      url: emulator.url,
      auth: { clientId: emulator.adminClientId, clientSecret: emulator.adminClientSecret },
    });
    const ids = [];
    rows.push(
      await timeAsync(`create ConfigMap asset (${CONCURRENCY} at once)`, ASSETS, CONCURRENCY, async (i) => {
        const asset = await client.assets(CONFIG_MAP_ASSET).create({
          meta: { name: `bench-${i}`, scope: "project", projectId: 1001 },
          spec: { configMap: `bench-${i}`, mountPath: `/etc/bench/${i}` },
        });
        ids[i] = asset.meta.id;
      }),
    );
    rows.push(
      await timeAsync(`read with status (${CONCURRENCY} at once)`, ASSETS, CONCURRENCY, (i) =>
        client.assets(CONFIG_MAP_ASSET).get(ids[i], { statusInfo: true }),
      ),
    );
    rows.push(
      await timeAsync(`delete (${CONCURRENCY} at once)`, ASSETS, CONCURRENCY, (i) => client.assets(CONFIG_MAP_ASSET).delete(ids[i])),
    );
    client.close();
  } finally {
    await emulator.stop();
  }
  rows.push({ label: "resident memory after the run", value: `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB` });

  const width = Math.max(...rows.map((r) => r.label.length));
  console.log("provider benchmark (loopback emulator, sync delay 0)");
  for (const row of rows) console.log(`  ${row.label.padEnd(width)}  ${row.value}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
