// How a project's quotas fit its department's, said at check time. Run:ai over-subscribes: a project
// may be promised more of a node pool than its department holds (UNCONFIRMED: the contract only says
// a department's quota "should" cover its projects'; whether a tenant setting makes the server refuse
// it is not known, and the emulator accepts it). So it is a warning, not a failure. GPUs and CPUs are
// compared per node pool; memory (whose units differ between entries) is not.
import type { Department, QuotaResource } from "../../schemas";
import type { Json } from "../kind";
import { warn } from "../warnings";

const RESOURCES = [
  ["gpu", "GPU quota"],
  ["cpu", "CPU quota (millicores)"],
] as const;

/** Warns, per node pool and resource, where the project is promised more than its department has. */
export function warnAboutQuotaAboveDepartment(inputs: Json, department: Department): void {
  const wanted = (Array.isArray(inputs.resources) ? inputs.resources : []) as QuotaResource[];
  const held = department.resources ?? [];
  for (const entry of wanted) {
    const poolId = entry.nodePool?.id;
    const departmentEntry = held.find((candidate) => candidate?.nodePool?.id === poolId);
    for (const [resource, label] of RESOURCES) {
      const promised = entry[resource]?.deserved;
      const available = departmentEntry?.[resource]?.deserved;
      if (typeof promised !== "number" || typeof available !== "number" || available < 0 || promised <= available) continue;
      warn(
        `Project "${String(inputs.name)}": its ${label} on node pool "${entry.nodePool?.name ?? poolId}" (${promised}) is above ` +
          `department "${department.name}"'s (${available}); Run:ai over-subscribes the department, so its projects compete for it`,
      );
    }
  }
}
