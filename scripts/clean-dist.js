// Removes dist/ before a build: tsc never deletes the output of a source file that was moved or
// removed, and a stale module would be shipped and could even be loaded.
require("node:fs").rmSync(require("node:path").join(__dirname, "..", "dist"), { recursive: true, force: true });
