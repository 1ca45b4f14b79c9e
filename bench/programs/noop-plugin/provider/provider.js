// A provider plugin that does no work at all, served by `@pulumi/pulumi/provider` as the runai
// plugin is: `create` returns the inputs as outputs, `read` the stored properties, `update` the new
// inputs, `diff` compares old and new, `delete` does nothing.
const { main } = require("@pulumi/pulumi/provider");

main(
  {
    version: "0.0.1",
    async check(_urn, _olds, news) {
      return { inputs: news };
    },
    async diff(_id, _urn, olds, news) {
      // Both sides come through the same protobuf Struct conversion (keys in sorted order).
      return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
    },
    async create(_urn, inputs) {
      return { id: Math.random().toString(36).slice(2), outs: inputs };
    },
    async read(id, _urn, props) {
      return { id, props };
    },
    async update(_id, _urn, _olds, news) {
      return { outs: news };
    },
    async delete() {
      /* nothing outside to clean up */
    },
  },
  process.argv.slice(2),
);
