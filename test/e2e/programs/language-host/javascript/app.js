// With typescript: false nothing registers ts-node, so Node has no loader for .ts files.
exports.typescriptLoader = ".ts" in require.extensions;
exports.programFile = require("node:path").basename(__filename);
