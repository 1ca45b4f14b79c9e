#!/usr/bin/env node
// Emulator throughput on loopback: GET-by-id and POST (create) requests per second with ~32
// concurrent keep-alive requests. Requires a build (npm run build): it loads ../dist/emulator.
//
//   node bench/emulator.js [--requests 20000] [--seconds 10] [--concurrency 32] [--in-process]
//
// A third row measures POST with a state file (every acknowledged write fsynced; group commit), on
// a fresh emulator and at most 3000 creates, since each commit rewrites the whole file.
//
// By default the emulator runs in a worker thread, so the load generator and the server each get a
// core, as they would with a real client in another process. --in-process shares one event loop.
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { parseArgs } = require("node:util");
const { Worker, isMainThread, parentPort, workerData } = require("node:worker_threads");

const EMULATOR_MODULE = path.join(__dirname, "../dist/emulator/index.js");

if (!isMainThread) {
  // Worker: run the emulator and report its URL.
  const { startEmulator } = require(EMULATOR_MODULE);
  startEmulator({ port: 0, quiet: true, syncDelayMs: 0, ...workerData }).then((emulator) => {
    parentPort.postMessage({ url: emulator.url });
    parentPort.on("message", (msg) => {
      if (msg === "stop") emulator.stop().then(() => process.exit(0));
    });
  });
  return;
}

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "20000" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "32" },
    "in-process": { type: "boolean", default: false },
  },
});
let MAX_REQUESTS = Number(values.requests);
const MAX_SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(url, method, pathName, token, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + pathName,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Runs `makeRequest(i)` with CONCURRENCY workers until MAX_REQUESTS or MAX_SECONDS. */
async function measure(label, expectedStatus, makeRequest) {
  const latencies = [];
  let issued = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const workerLoop = async () => {
    while (issued < MAX_REQUESTS && Date.now() < deadline) {
      const i = issued++;
      const t0 = process.hrtime.bigint();
      const res = await makeRequest(i);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== expectedStatus) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, workerLoop));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    operation: label,
    requests: latencies.length,
    failures,
    seconds: Number(seconds.toFixed(2)),
    "req/s": Math.round(latencies.length / seconds),
    "p50 ms": Number(pct(50).toFixed(2)),
    "p99 ms": Number(pct(99).toFixed(2)),
  };
}

async function startServer(options = {}) {
  if (values["in-process"]) {
    const { startEmulator } = require(EMULATOR_MODULE);
    const emulator = await startEmulator({ port: 0, quiet: true, syncDelayMs: 0, ...options });
    return { url: emulator.url, stop: () => emulator.stop() };
  }
  const worker = new Worker(__filename, { workerData: options });
  const { url } = await new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        worker.once("exit", resolve);
        worker.postMessage("stop");
      }),
  };
}

async function adminToken(url) {
  const tokenRes = await request(url, "POST", "/api/v1/token", null, {
    grantType: "client_credentials",
    clientId: "runai-admin",
    clientSecret: "runai-admin-secret",
  });
  return JSON.parse(tokenRes.text).accessToken;
}

const createBody = (i) => ({
  meta: { name: `bench-${i}`, scope: "project", projectId: 1002 },
  spec: { image: "python:3.12", command: "sleep infinity" },
});

async function main() {
  const server = await startServer();
  const { url } = server;
  const token = await adminToken(url);
  const seedAsset = await request(url, "POST", "/api/v1/asset/environment", token, {
    meta: { name: "bench-target", scope: "project", projectId: 1001 },
    spec: { image: "python:3.12", command: "sleep infinity" },
  });
  const assetId = JSON.parse(seedAsset.text).meta.id;

  // Warm-up (JIT, sockets), not measured.
  for (let i = 0; i < 500; i++) await request(url, "GET", `/api/v1/asset/environment/${assetId}`, token);

  const rows = [];
  rows.push(await measure("GET asset by id", 200, () => request(url, "GET", `/api/v1/asset/environment/${assetId}`, token)));
  rows.push(await measure("POST create asset", 202, (i) => request(url, "POST", "/api/v1/asset/environment", token, createBody(i))));
  await server.stop();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runai-emulator-bench-"));
  const durable = await startServer({ stateFile: path.join(dir, "state.json") });
  const durableToken = await adminToken(durable.url);
  const savedMax = MAX_REQUESTS;
  MAX_REQUESTS = Math.min(MAX_REQUESTS, 3000);
  rows.push(
    await measure("POST create (state file)", 202, (i) =>
      request(durable.url, "POST", "/api/v1/asset/environment", durableToken, createBody(i)),
    ),
  );
  MAX_REQUESTS = savedMax;
  await durable.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(
    `Run:ai emulator on loopback, ${CONCURRENCY} concurrent keep-alive requests (${values["in-process"] ? "in-process" : "server in a worker thread"})`,
  );
  console.table(rows);
  agent.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
