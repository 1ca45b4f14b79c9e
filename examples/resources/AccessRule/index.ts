import { AccessRule } from "pulumi-runai";

// Gives a user the "ML engineer" role in project 1001. Roles are looked up by name at preview.
const alice = new AccessRule("alice-ml-engineer", {
  subjectType: "user",
  subjectId: "alice@example.com",
  role: "ML engineer", // or roleId: 7
  scopeType: "project",
  scopeId: "1001",
});

export const accessRuleId = alice.id;
export const accessRuleRoleId = alice.roleId;
