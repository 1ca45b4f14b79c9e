import * as pulumi from "@pulumi/pulumi";

// `npm run bench:engine`'s floor: the same `bench:resources` config as bench/programs/kind, each
// entry a dynamic resource whose provider does no work at all. What the engine, the language host
// and the dynamic-provider host cost for N resources, with nothing of ours on top.
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

const resources = new pulumi.Config("bench").requireObject<Record<string, Record<string, unknown>>>("resources");
for (const [name, args] of Object.entries(resources)) new Noop(name, args);
