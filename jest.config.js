// Two projects: "unit" (fast, no Pulumi CLI: pure logic, the client and the emulator over real
// loopback HTTP) and "e2e" (the real pulumi CLI against the emulator).
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
      testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/test/emulator/**/*.test.ts", "<rootDir>/test/provider/**/*.test.ts"],
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
