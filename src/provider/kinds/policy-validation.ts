// A workload policy's checks beyond its input schema: the contract's schemas of `defaults` and
// `rules` per policy type (generated from the contract, built on first use), and Run:ai's own
// validation. The latter is a PUT with `validateOnly=true`, which applies nothing: sent once the
// static rules pass and every value is known (a scope created in the same run has no id at the
// first preview), and every issue Run:ai reports becomes a failure naming the input it is about.
import { RunaiBadRequestError } from "../../client/errors";
import { buildPolicySchemas } from "../../schemas/generated-policy";
import type { PolicySchemas } from "../../schemas/generated-policy";
import type { PolicyOverwrite, PolicyTarget } from "../../client/policies";
import type { ProviderContext } from "../context";
import type { Failures, Path } from "../validation";

let schemas: PolicySchemas | undefined;

/** The generated schemas, built when the first policy is checked. */
export function policySchemas(): PolicySchemas {
  schemas ??= buildPolicySchemas();
  return schemas;
}

/** Asks Run:ai to validate the policy (nothing is applied) and adds what it refuses to `failures`. */
export async function validateOnServer(
  ctx: ProviderContext,
  target: PolicyTarget,
  body: PolicyOverwrite,
  failures: Failures,
): Promise<void> {
  try {
    const answer = await ctx.client.policies.validate(target, body);
    const refusal = answer.policy?.status?.validation?.errorMessage;
    if (refusal) addServerIssues(failures, refusal);
  } catch (err) {
    if (!(err instanceof RunaiBadRequestError)) throw err;
    addServerIssues(failures, err.serverMessage);
  }
}

/**
 * Run:ai's reasons (`policy.rules.compute.gpuDevicesRequest: min 8 is above max 4; …`), each at
 * the input it names: `policy.` is the inputs' top level, the meta's scope ids are `scopeId`.
 */
export function addServerIssues(failures: Failures, message: string): void {
  for (const issue of message.split("; ")) {
    const match = /^([\w.[\]]+): (.+)$/s.exec(issue);
    if (!match) {
      failures.add([], `Run:ai refused the policy (validateOnly): ${issue}`);
      continue;
    }
    failures.add(inputPath(match[1]), `${match[2]} (Run:ai's validateOnly answer)`);
  }
}

function inputPath(field: string): Path {
  const parts: Path = field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (parts[0] === "policy") return parts.slice(1);
  if (parts[0] === "meta" && /^(cluster|department|project)Id$/.test(String(parts[1]))) return ["scopeId"];
  if (parts[0] === "meta") return parts.slice(1);
  return parts;
}
