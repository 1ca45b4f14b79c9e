// Departments (`/api/v1/org-unit/departments`): a cluster's top level, above its projects, with
// per-node-pool quotas. Synchronous: a write is done when it is answered.
import type { Department } from "../../schemas";
import { DepartmentUpdateRequest } from "../../schemas/org-unit";
import type { z } from "zod";
import type { ResourceKind } from "../kind";
import { stripNulls } from "../normalize";
import { uniqueKeyOf } from "../unique-claims";
import {
  ORG_UNIT_INPUT_FIELDS,
  ORG_UNIT_UPDATABLE,
  MANAGED_NODE_POOLS,
  QUOTA_RECORD,
  quotasToSend,
  resolveNodePools,
  updatableFields,
  validateQuotas,
} from "./org-unit";

/** A department as a program writes it: the contract's request, quotas with node pools by name or id. */
const DepartmentInputs = DepartmentUpdateRequest.extend(ORG_UNIT_INPUT_FIELDS);
type DepartmentInputs = z.infer<typeof DepartmentInputs>;

export const departmentKind: ResourceKind<Department, DepartmentInputs> = {
  type: "Department",
  label: "Department",
  inputSchema: DepartmentInputs,
  validate: (failures, inputs) => validateQuotas(failures, inputs.resources),
  references: { resolve: (ctx, inputs, failures) => resolveNodePools(ctx.client, inputs, failures) },
  creationOnly: [{ path: "name" }, { path: "clusterId" }],
  updatable: ORG_UNIT_UPDATABLE,
  identity: {
    idOf: (department) => department.id,
    createdOf: (department) => ({ by: department.createdBy, at: department.createdAt }),
    namePath: "name",
    location: (inputs) => `cluster ${inputs.clusterId}`,
    // The contract answers 409 for a taken name; the emulator's domain, the cluster, is UNCONFIRMED but
    // the narrowest one possible, so two resources refused here would collide in Run:ai too.
    uniqueKey: (inputs) => uniqueKeyOf(inputs, [["clusterId"], ["name"]], ["name"], "a department's name is unique in its cluster"),
  },
  toOutputs: (department) => ({
    name: department.name,
    clusterId: department.clusterId,
    description: department.description,
    schedulingRules: department.schedulingRules,
    defaultNodePools: department.defaultNodePools,
    nodeTypes: department.nodeTypes,
    resources: department.resources,
    totalResources: department.totalResources,
    createdAt: department.createdAt,
    createdBy: department.createdBy,
    updatedAt: department.updatedAt,
  }),
  programRecord: QUOTA_RECORD,
  operations: {
    create: (ctx, inputs) =>
      ctx.client.departments.create(
        stripNulls({
          name: inputs.name,
          clusterId: inputs.clusterId,
          ...updatableFields(inputs),
          resources: quotasToSend(inputs.resources, []),
        }),
      ),
    findExisting: (ctx, inputs) =>
      ctx.client.departments.findByName(inputs.name, inputs.clusterId).then((found) => found && ctx.client.departments.get(found.id)),
    adopt: (ctx, existing, inputs) => ctx.client.departments.update(existing.id, updateBody(inputs, existing.resources)),
    read: (ctx, id) => ctx.client.departments.get(id),
    // The list's entries carry every field a department's outputs take (the list adds status sums).
    list: (ctx) => ctx.client.departments.list() as Promise<Department[]>,
    update: (ctx, id, olds, news) => ctx.client.departments.update(id, updateBody(news, olds.resources, olds[MANAGED_NODE_POOLS])),
    delete: (ctx, id) => ctx.client.departments.delete(id),
  },
};

/** The PUT body; `listedBefore`: the node pools the program's quotas listed at its last write. */
function updateBody(inputs: DepartmentInputs, held: unknown, listedBefore?: unknown) {
  return stripNulls({ ...updatableFields(inputs), resources: quotasToSend(inputs.resources, held, listedBefore) });
}
