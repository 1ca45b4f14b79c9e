import * as path from "node:path";

// The engine runs the program from the directory Pulumi.yaml's main names, and runs it there.
export const programFile = path.relative(path.dirname(__dirname), __filename);
export const workingDirectory = path.basename(process.cwd());
