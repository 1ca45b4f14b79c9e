import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";

// `npm run bench:engine`'s floor: the same `resources.json` as bench/programs/kind, each
// entry a dynamic resource whose provider does no work at all, declaring the kind's outputs
// (`bench:outputs`). What the engine, the language host and the dynamic-provider host cost for N
// resources of the kind's shape, with nothing of ours on top.
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: Math.random().toString(36).slice(2), outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async diff(_id, olds, news) {
    // Both sides come through the same protobuf Struct conversion (keys in sorted order).
    return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {
    /* nothing outside to clean up */
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    super(noopProvider, name, args, undefined, "bench", "Noop");
  }
}

const config = new pulumi.Config("bench");
const resources = JSON.parse(fs.readFileSync("resources.json", "utf8")) as Record<string, Record<string, unknown>>;
// The output properties the kind's class declares (as undefined inputs, the way the classes do): the
// language host's cost of a declared output (four promises, each with a stack trace) is the SDK's.
const declared = Object.fromEntries((config.getObject<string[]>("outputs") ?? []).map((key) => [key, undefined]));
for (const [name, args] of Object.entries(resources)) new Noop(name, { ...declared, ...args });
