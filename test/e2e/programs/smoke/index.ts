import * as pulumi from "@pulumi/pulumi";

// A provider with no outside effects: the engine still serializes it, calls create/diff/delete
// through the dynamic-provider host, and stores its outputs.
const greetingProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `greeting-${inputs.text}`, outs: { text: inputs.text, length: String(inputs.text).length } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.text !== news.text, replaces: olds.text !== news.text ? ["text"] : [] };
  },
  async delete() {
    /* nothing outside to clean up */
  },
};

class Greeting extends pulumi.dynamic.Resource {
  declare readonly text: pulumi.Output<string>;
  declare readonly length: pulumi.Output<number>;
  constructor(name: string, text: string, opts?: pulumi.CustomResourceOptions) {
    super(greetingProvider, name, { text, length: undefined }, opts, "smoke", "Greeting");
  }
}

const config = new pulumi.Config();
const greeting = new Greeting("hello", config.get("text") ?? "hello, engine");
export const text = greeting.text;
export const length = greeting.length;
