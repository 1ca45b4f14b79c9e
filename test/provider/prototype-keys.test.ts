// A value that names a member of Object.prototype ("toString", "constructor") is no key of the
// kinds' lookup tables: the schema reports it, and no rule looks it up (the check fuzz test found an
// identity provider of type "toString" failing with "[undefined]: is required for function toString()").
import { checkInputs } from "../../src/provider/check";
import { kindFor } from "../../src/provider/registry";

const reasons = (type: string, inputs: Record<string, unknown>) => checkInputs(kindFor(type), inputs).failures.map((f) => f.reason);

it.each(["toString", "constructor", "__proto__"])("an identity provider of type %s: only the schema's reasons", (type) => {
  expect(reasons("IdentityProvider", { alias: "sso", type })).toEqual(['type: must be one of "oidc", "saml", "openshift-v4"']);
});

it.each(["toString", "hasOwnProperty"])("a compute asset with gpuRequestType %s: only the schema's reason", (gpuRequestType) => {
  expect(reasons("ComputeAsset", { meta: { name: "c", scope: "project", projectId: 1001 }, spec: { gpuRequestType } })).toEqual([
    'spec.gpuRequestType: must be one of "portion", "memory", "migProfile"',
  ]);
});
