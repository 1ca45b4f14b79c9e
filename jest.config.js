// Two projects: "unit" (fast, no Pulumi CLI: schemas, the client over real loopback HTTP, the
// provider against the emulator, the emulator itself) and "e2e" (the real pulumi CLI against the
// emulator). test/ mirrors src/: one folder per layer, shared helpers in test/support; test/tooling
// checks the repository itself.
const common = {
  preset: "ts-jest",
  testEnvironment: "node",
  // ts-jest only transpiles (isolatedModules): `npm test` type-checks the whole tree, tests included,
  // with `npm run typecheck` first. A type-checking ts-jest kept a TypeScript program of the tree in
  // every worker, doubling its memory; Node frees that memory when the worker exits, which on a busy
  // machine outlasted Jest's 500 ms grace ("A worker process has failed to exit gracefully").
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: { isolatedModules: true } }] },
};

module.exports = {
  // e2e files spend much of their time waiting: on pulumi subprocesses, on sync delays, on outages
  // and token lifetimes they stage. On two cores a full run used ~1.3 cores with two workers; three
  // keep both busy.
  maxWorkers: 3,
  reporters: ["default", "<rootDir>/test/support/slowest-files-reporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/{schemas,client,provider,plugin,export,emulator,bench,tooling}/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/e2e/global-setup.ts",
      slowTestThreshold: 120,
      setupFilesAfterEnv: ["<rootDir>/test/e2e/setup-timeout.ts"],
    },
  ],
};
