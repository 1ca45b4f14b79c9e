// Loaded by node before the Pulumi runner, through nodeargs in Pulumi.yaml.
globalThis.preloaded = "pre load.js ran first";
