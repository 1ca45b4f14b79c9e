// Two projects: "unit" (fast, no Pulumi CLI: schemas, the client over real loopback HTTP, the
// provider against the emulator, the emulator itself) and "e2e" (the real pulumi CLI against the
// emulator). test/ mirrors src/: one folder per layer, shared helpers in test/support.
const common = {
  preset: "ts-jest",
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
};

module.exports = {
  // e2e files spend much of their time waiting on pulumi subprocesses, so two workers help even on
  // two cores.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/{schemas,client,provider,emulator,bench}/**/*.test.ts"],
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
