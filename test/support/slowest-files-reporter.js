// A Jest reporter that prints, after a run, the test files that took longest (wall time of each
// file in its worker), so that the suite's time can be kept in check as kinds multiply.
"use strict";
const path = require("node:path");

const SHOWN = 15;

class SlowestFilesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((file) => ({
        file: path.relative(this.rootDir, file.testFilePath),
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    if (files.length < 2) return;
    const total = files.reduce((sum, { seconds }) => sum + seconds, 0);
    const lines = files.slice(0, SHOWN).map(({ file, seconds }) => `${seconds.toFixed(1).padStart(7)} s  ${file}`);
    process.stderr.write(
      `\nslowest test files (of ${files.length}; ${total.toFixed(0)} s in all, summed over workers):\n${lines.join("\n")}\n`,
    );
  }
}

module.exports = SlowestFilesReporter;
