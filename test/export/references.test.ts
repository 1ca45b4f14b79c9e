// What Pulumi's code generation would link, and the coincidences that move an object to a later
// import file (where the value it happens to share stays a literal).
import type { ListedObject } from "../../src/export/listing";
import { importRounds, linksAmong } from "../../src/export/references";

const department: ListedObject = {
  type: "Department",
  id: "101",
  runaiName: "ml",
  nameOutput: "ml",
  inputs: { name: "ml", resources: [{ nodePool: { id: "1", name: "default" } }] },
  placement: {},
};
const project: ListedObject = {
  type: "Project",
  id: "1001",
  runaiName: "train",
  nameOutput: "train",
  inputs: { name: "train", departmentId: "101", resources: [{ nodePool: { id: "2", name: "a100" } }] },
  placement: { departmentId: "101" },
};
const pool: ListedObject = { type: "NodePool", id: "2", runaiName: "a100", nameOutput: "a100", inputs: { name: "a100" }, placement: {} };
const app: ListedObject = { type: "Application", id: "f00", runaiName: "ci", nameOutput: "ci", inputs: { name: "ci" }, placement: {} };
// Access rule 1 shares its id with node pool "1" of the department's quota.
const rule: ListedObject = {
  type: "AccessRule",
  id: "1",
  runaiName: "ci ML engineer project 1001",
  inputs: { subjectType: "app", subjectId: "ci", role: "ML engineer", scopeType: "project", scopeId: "1001" },
  placement: { projectId: "1001" },
};

const described = (links: ReturnType<typeof linksAmong>) =>
  links.map((link) => `${link.from.type} ${link.path} → ${link.to.type}.${link.by}${link.meant ? "" : " (coincidence)"}`);

it("finds every value equal to another object's id or name, and which of them mean that object", () => {
  expect(described(linksAmong([department, project, pool, app, rule]))).toEqual([
    "Department resources[].nodePool.id → AccessRule.id (coincidence)",
    "Project departmentId → Department.id",
    "Project resources[].nodePool.id → NodePool.id",
    "Project resources[].nodePool.name → NodePool.name",
    "AccessRule subjectId → Application.name",
    "AccessRule scopeId → Project.id",
  ]);
});

it("moves the object nothing means to refer to into a later file, and leaves files without coincidences alone", () => {
  const { rounds, coincidences } = importRounds([department, project, pool, app, rule]);
  expect(rounds.map((round) => round.map((object) => object.type))).toEqual([
    ["Department", "Project", "NodePool", "Application"],
    ["AccessRule"],
  ]);
  expect(described(coincidences)).toEqual(["Department resources[].nodePool.id → AccessRule.id (coincidence)"]);
  expect(importRounds([project, pool, app]).rounds).toEqual([[project, pool, app]]);
});
