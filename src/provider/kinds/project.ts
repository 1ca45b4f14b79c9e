// Projects (`/api/v1/org-unit/projects`): where workloads run, in a department, with per-node-pool
// quotas. Creating one creates its namespace in the cluster: the project is ready when its phase
// says so (honouring runai:waitForSync and runai:timeoutSeconds).
import { z } from "zod";
import type { Project } from "../../schemas";
import { ProjectUpdateRequest } from "../../schemas/org-unit";
import type { Json, ResourceKind, SyncRules } from "../kind";
import { stripNulls } from "../normalize";
import { uniqueKeyOf } from "../unique-claims";
import type { ProviderContext } from "../context";
import type { Failures } from "../validation";
import { isKnown } from "../validation";
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
import { scopeOf, UNREADABLE } from "../reference-cache";
import { warnAboutQuotaAboveDepartment } from "./quota-fit";

/** A namespace-safe name (later Run:ai docs: a lowercase Kubernetes name, at most 63 characters). */
const PROJECT_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** A Kubernetes namespace name (DNS label). */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A project as a program writes it: `departmentId` is the contract's `parentId`. */
// The fields of projects alone carry their description in the schema (zod's `describe`): the doc
// comments of a literal with few keys of its own are not matched to the schema's object by the build.
const ProjectInputs = ProjectUpdateRequest.extend({
  ...ORG_UNIT_INPUT_FIELDS,
  name: z
    .string()
    .min(1)
    .max(63)
    .describe("Fixed at creation; unique in the cluster (at most 63 characters). Defaults to the resource name."),
  departmentId: z.string().min(1).optional().describe("The department it belongs to (e.g. `department.id`). Fixed at creation."),
  requestedNamespace: z.string().min(1).max(63).optional().describe("A namespace instead of `runai-<name>`. Fixed at creation."),
  enforceRunaiScheduler: ProjectUpdateRequest.shape.enforceRunaiScheduler.describe(
    "Whether every pod in the namespace uses the Run:ai scheduler (default true).",
  ),
});

type ProjectInputs = z.infer<typeof ProjectInputs>;

const PROJECT_SYNC: SyncRules<Project> = {
  statusOf: (project) => project.status?.phase,
  pending: ["Creating", "Updating", "Initializing"],
  failed: ["NotReady", "Unknown"],
  deletionFailed: [],
  details: (project) => project.status?.phaseMessage || "no details given",
};

export const projectKind: ResourceKind<Project, ProjectInputs> = {
  type: "Project",
  label: "Project",
  inputSchema: ProjectInputs,
  validate: validateProject,
  references: {
    scopeRefs: (values) => [{ path: ["departmentId"], type: "department", id: values.departmentId }],
    resolve: resolveDepartmentAndNodePools,
  },
  creationOnly: [{ path: "name" }, { path: "clusterId" }, { path: "departmentId" }, { path: "requestedNamespace" }],
  updatable: [...ORG_UNIT_UPDATABLE, { path: "enforceRunaiScheduler", defaults: true }],
  identity: {
    idOf: (project) => project.id,
    createdOf: (project) => ({ by: project.createdBy, at: project.createdAt }),
    namePath: "name",
    location: (inputs) => `cluster ${inputs.clusterId}`,
    // The contract answers 409 for a taken name; the emulator's domain, the cluster, is UNCONFIRMED but
    // the narrowest one possible, so two resources refused here would collide in Run:ai too.
    uniqueKey: (inputs) => uniqueKeyOf(inputs, [["clusterId"], ["name"]], ["name"], "a project's name is unique in its cluster"),
  },
  toOutputs: (project) => ({
    name: project.name,
    clusterId: project.clusterId,
    departmentId: project.parentId,
    requestedNamespace: project.requestedNamespace,
    description: project.description,
    schedulingRules: project.schedulingRules,
    defaultNodePools: project.defaultNodePools,
    nodeTypes: project.nodeTypes,
    enforceRunaiScheduler: project.enforceRunaiScheduler,
    resources: project.resources,
    namespace: project.status?.namespace,
    phase: project.status?.phase,
    totalResources: project.totalResources,
    createdAt: project.createdAt,
    createdBy: project.createdBy,
    updatedAt: project.updatedAt,
  }),
  sync: PROJECT_SYNC,
  programRecord: QUOTA_RECORD,
  operations: {
    create: (ctx, inputs) =>
      ctx.client.projects.create(
        stripNulls({
          name: inputs.name,
          clusterId: inputs.clusterId,
          parentId: inputs.departmentId,
          requestedNamespace: inputs.requestedNamespace,
          enforceRunaiScheduler: inputs.enforceRunaiScheduler,
          ...updatableFields(inputs),
          resources: quotasToSend(inputs.resources, []),
        }),
      ),
    findExisting: (ctx, inputs) => ctx.client.projects.findByName(inputs.name, inputs.clusterId),
    adopt: (ctx, existing, inputs) => ctx.client.projects.update(existing.id, updateBody(inputs, existing.resources)),
    read: (ctx, id) => ctx.client.projects.get(id),
    list: (ctx) => ctx.client.projects.list(),
    update: (ctx, id, olds, news) => ctx.client.projects.update(id, updateBody(news, olds.resources, olds[MANAGED_NODE_POOLS])),
    delete: (ctx, id) => ctx.client.projects.delete(id),
  },
};

/** Whether the department is in the project's cluster, then the node pools (see resolveNodePools). */
async function resolveDepartmentAndNodePools(ctx: ProviderContext, inputs: Json, failures: Failures): Promise<Json> {
  // Whether the department exists is the adapter's scope check; here, whether it is in this cluster.
  const departmentId = inputs.departmentId;
  const read =
    typeof departmentId === "string" && isKnown(departmentId) ? await scopeOf(ctx.client, "department", departmentId) : undefined;
  const department = read === UNREADABLE ? undefined : read;
  if (department && isKnown(inputs.clusterId) && department.clusterId !== inputs.clusterId) {
    failures.add(
      ["departmentId"],
      `department "${department.name}" (${String(departmentId)}) is in cluster ${department.clusterId}, not ${String(inputs.clusterId)}`,
    );
  }
  const resolved = await resolveNodePools(ctx.client, inputs, failures);
  if (department && failures.list.length === 0) warnAboutQuotaAboveDepartment(resolved, department);
  return resolved;
}

function validateProject(failures: Failures, inputs: Json): void {
  const { name, requestedNamespace } = inputs;
  if (typeof name === "string" && isKnown(name) && name !== "" && !PROJECT_NAME.test(name)) {
    failures.add(
      ["name"],
      'must be a lowercase Kubernetes name: letters, digits and "-", starting with a letter and ending with a letter or digit',
    );
  }
  if (
    typeof requestedNamespace === "string" &&
    isKnown(requestedNamespace) &&
    requestedNamespace !== "" &&
    !NAMESPACE.test(requestedNamespace)
  ) {
    failures.add(
      ["requestedNamespace"],
      'must be a Kubernetes namespace name: lowercase letters, digits and "-", starting and ending with a letter or digit',
    );
  }
  validateQuotas(failures, inputs.resources);
}

/** The PUT body; `listedBefore`: the node pools the program's quotas listed at its last write. */
function updateBody(inputs: ProjectInputs, held: unknown, listedBefore?: unknown) {
  return stripNulls({
    ...updatableFields(inputs),
    enforceRunaiScheduler: inputs.enforceRunaiScheduler,
    resources: quotasToSend(inputs.resources, held, listedBefore),
  });
}
