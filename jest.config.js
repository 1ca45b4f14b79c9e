// Two projects: "unit" (fast, no Pulumi CLI: pure logic, the client and the emulator over real
// loopback HTTP) and "e2e" (the real pulumi CLI against the emulator).
const common = {
  preset: "ts-jest",
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
};

module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/test/emulator/**/*.test.ts", "<rootDir>/test/provider/**/*.test.ts"] },
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
