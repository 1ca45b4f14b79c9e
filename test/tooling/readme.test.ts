// The README is the front door: what it is, install, a first program, configuration, and links into
// docs/ for the reference. It stays short, and it links every kind the provider serves to its page.
import * as fs from "node:fs";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider/registry";

const repoRoot = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");

it("is at most 300 lines", () => {
  expect(readme.split("\n").length).toBeLessThanOrEqual(300);
});

it("links every kind of the registry to its reference page, which exists", () => {
  const unlinked = RESOURCE_TYPES.filter((type) => !readme.includes(`[\`${type}\`](docs/resources/${type}.md)`));
  expect(unlinked).toEqual([]);
  const missing = RESOURCE_TYPES.filter((type) => !fs.existsSync(path.join(repoRoot, "docs/resources", `${type}.md`)));
  expect(missing).toEqual([]);
});
