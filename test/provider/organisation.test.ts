// Departments, projects and access rules through their registry rows, as pure functions: the rules
// check applies with their exact messages, and which changes update in place and which replace (a
// quota is in place and compares only the node pools the program lists; any change to an access
// rule replaces it, the new rule first).
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";

type Json = Record<string, any>;

const CLUSTER = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const reasons = (type: string, news: Json) => checkInputs(kindFor(type), news).failures.map((f) => f.reason);
const diff = (type: string, olds: Json, news: Json) => diffInputs(kindFor(type), olds, news);

const quota = (gpu: number, pool = { id: "1", name: "default" }) => ({ nodePool: pool, gpu: { deserved: gpu } });
const department = { name: "research", clusterId: CLUSTER, resources: [quota(8)] };
const project = { name: "team-d", clusterId: CLUSTER, departmentId: "101", resources: [quota(2)] };
const rule = { subjectType: "app", subjectId: "ci-bot", role: "ML engineer", roleId: 7, scopeType: "project", scopeId: "1004" };

export const ORG_BAD_INPUTS: [string, string, Json, string[]][] = [
  ["a department without a cluster", "Department", { name: "research" }, ["clusterId: is required"]],
  ["a cluster id that is no UUID", "Department", { ...department, clusterId: "research-cluster" }, ["clusterId: must be a UUID"]],
  [
    "a negative GPU count and a limit below what is deserved",
    "Department",
    { ...department, resources: [{ nodePool: { name: "default" }, gpu: { deserved: -1 }, cpu: { deserved: 4000, limit: 2000 } }] },
    ["resources[0].gpu.deserved: must not be negative", "resources[0].cpu.limit: must be at least cpu.deserved (4000), or -1 for no limit"],
  ],
  [
    "a node pool id that is an object (no string to compare it by)",
    "Project",
    { ...project, resources: [{ nodePool: { id: { toString: {} } }, gpu: { deserved: 1 } }] },
    ["resources[0].nodePool.id: must be a string"],
  ],
  [
    "memory without units",
    "Project",
    { ...project, resources: [{ nodePool: { name: "default" }, memory: { deserved: 1024 } }] },
    ["resources[0].memory.units: is required"],
  ],
  [
    "a node pool by neither id nor name, and a pool twice",
    "Project",
    {
      ...project,
      resources: [{ nodePool: {}, gpu: { deserved: 1 } }, quota(1, { id: "2", name: "a100" }), quota(2, { id: "2", name: "a100" })],
    },
    [
      'resources[0].nodePool: needs its id or its name, e.g. { name: "default" }',
      'resources[2].nodePool: "2" is listed twice (also resources[1]); one entry per node pool',
    ],
  ],
  [
    "a negative over-quota weight and limit",
    "Project",
    { ...project, resources: [{ nodePool: { id: "1" }, gpu: { deserved: 1, limit: -2, overQuotaWeight: -1 } }] },
    ["resources[0].gpu.overQuotaWeight: must not be negative", "resources[0].gpu.limit: must not be negative (-1 means no limit)"],
  ],
  [
    "a project name Kubernetes refuses",
    "Project",
    { ...project, name: "Team_D" },
    ['name: must be a lowercase Kubernetes name: letters, digits and "-", starting with a letter and ending with a letter or digit'],
  ],
  [
    "a namespace Kubernetes refuses",
    "Project",
    { ...project, requestedNamespace: "Team.D" },
    [
      'requestedNamespace: must be a Kubernetes namespace name: lowercase letters, digits and "-", starting and ending with a letter or digit',
    ],
  ],
  [
    "a scheduling rule of zero seconds and a misspelt field",
    "Project",
    { ...project, schedulingRules: { trainingJobTimeLimitSeconds: 0 }, quotas: [] },
    ["schedulingRules.trainingJobTimeLimitSeconds: must be at least 1", 'unknown field "quotas"'],
  ],
  ["an access rule with both role and roleId", "AccessRule", { ...rule }, ["role: give role (a name) or roleId, not both"]],
  [
    "an access rule without a role",
    "AccessRule",
    { ...rule, role: undefined, roleId: undefined },
    ['role: is required: a role name such as "ML engineer" (or roleId)'],
  ],
  [
    "an access rule in the system scope, for a robot",
    "AccessRule",
    { ...rule, roleId: undefined, scopeType: "system", subjectType: "robot" },
    ['subjectType: must be one of "user", "app", "group"', 'scopeType: must be one of "tenant", "cluster", "department", "project"'],
  ],
  [
    "an access rule without subject and scope",
    "AccessRule",
    { role: "Viewer", subjectType: "user", scopeType: "project" },
    ["subjectId: is required", "scopeId: is required"],
  ],
];

describe(`bad inputs fail at check with every reason, exactly (${ORG_BAD_INPUTS.length} cases)`, () => {
  it.each(ORG_BAD_INPUTS)("%s", (_case, type, news, expected) => {
    expect(reasons(type, news)).toEqual(expected);
  });

  it("accept valid inputs and unknowns", () => {
    expect(reasons("Department", department)).toEqual([]);
    expect(reasons("Project", project)).toEqual([]);
    expect(reasons("AccessRule", { ...rule, roleId: undefined })).toEqual([]);
    expect(
      reasons("Project", {
        ...project,
        name: UNKNOWN,
        departmentId: UNKNOWN,
        resources: [{ nodePool: { id: UNKNOWN }, gpu: { deserved: UNKNOWN } }],
      }),
    ).toEqual([]);
  });
});

/** A project as read back: the program's fields, the server's own, and a node pool the program leaves alone. */
const projectState = {
  ...project,
  description: "",
  enforceRunaiScheduler: true,
  resources: [
    { nodePool: { id: "1", name: "default" }, gpu: { deserved: 2, limit: null, overQuotaWeight: null }, priority: null },
    { nodePool: { id: "2", name: "a100" }, gpu: { deserved: 0 } },
  ],
  namespace: "runai-team-d",
  phase: "Ready",
  totalResources: { gpuQuota: 2 },
};

describe("what updates in place and what replaces", () => {
  it("a project: nothing to do for the state Run:ai reports (other node pools, defaults, empty description)", () => {
    expect(diff("Project", projectState, project)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("a project's quota changes in place, in any order, and a hand edit of a listed pool is a change", () => {
    expect(diff("Project", projectState, { ...project, resources: [quota(4)] })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const handEdited = { ...projectState, resources: [{ ...projectState.resources[0], gpu: { deserved: 3 } }] };
    expect(diff("Project", handEdited, project).changes).toBe(true);
  });

  it("a new name, department or namespace replaces the project; the same name goes first", () => {
    expect(diff("Project", projectState, { ...project, departmentId: "102" })).toEqual({
      changes: true,
      replaces: ["departmentId"],
      deleteBeforeReplace: true,
    });
    expect(diff("Project", projectState, { ...project, name: "team-e" })).toEqual({
      changes: true,
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
  });

  it("any change to an access rule replaces it, creating the new rule first", () => {
    // Run:ai fills in the cluster of a rule that names none: no change unless the program sets one.
    const state = { ...rule, clusterId: CLUSTER, scopeName: "team-d", createdAt: "t" };
    expect(diff("AccessRule", state, rule)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(diff("AccessRule", state, { ...rule, clusterId: "00000000-0000-4000-8000-000000000000" }).replaces).toEqual(["clusterId"]);
    // The same role by id only (as check resolves a name to): no change.
    expect(diff("AccessRule", state, { ...rule, role: undefined })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(diff("AccessRule", state, { ...rule, role: "Viewer", roleId: 3 })).toEqual({
      changes: true,
      replaces: ["roleId"],
      deleteBeforeReplace: false,
    });
    expect(diff("AccessRule", state, { ...rule, scopeId: "1005" })).toEqual({
      changes: true,
      replaces: ["scopeId"],
      deleteBeforeReplace: false,
    });
  });
});
