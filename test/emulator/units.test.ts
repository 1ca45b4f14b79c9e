// Unit tests of the emulator's small building blocks (no HTTP).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isLoopback } from "../../src/emulator/http/admin";
import { signToken, verifyToken } from "../../src/emulator/auth/jwt";
import { StateFile } from "../../src/emulator/state/persistence";
import { RESOURCE_TYPE_NAMES, ROLES } from "../../src/emulator/auth/roles";
import { matchRoute, ROUTES } from "../../src/emulator/http/routes";
import { generateSecret, hashSecret, secretMatches } from "../../src/emulator/auth/secrets";

describe("jwt", () => {
  const key = Buffer.alloc(32, 7);

  test("verifies what it signs and reports why a token is refused", () => {
    const { token, claims } = signToken(key, "ci-bot", 1, 60, 1_000_000);
    expect(claims).toMatchObject({ sub: "ci-bot", iat: 1000, exp: 1060, tenant_id: 1 });
    expect(verifyToken(key, token, 1_000_000)).toEqual({ ok: true, claims });
    expect(verifyToken(key, token, 1_060_000)).toEqual({ ok: false, reason: "expired" });
    expect(verifyToken(Buffer.alloc(32, 8), token, 1_000_000)).toEqual({ ok: false, reason: "signature" });
    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: "runai-admin" })).toString("base64url");
    expect(verifyToken(key, `${header}.${forgedPayload}.${signature}`, 1_000_000)).toEqual({ ok: false, reason: "signature" });
    expect(verifyToken(key, "a.b", 1_000_000)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("secrets", () => {
  test("only a salted hash is kept, and it matches only the secret", () => {
    const secret = generateSecret();
    const stored = hashSecret(secret);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(`${secret}x`, stored)).toBe(false);
    expect(hashSecret(secret).hash).not.toBe(stored.hash); // a fresh salt each time
  });
});

describe("routes", () => {
  test("match templates and decode path parameters", () => {
    expect(matchRoute("GET", "/api/v1/apps/a%20b")).toMatchObject({
      route: { template: "/api/v1/apps/{appId}" },
      params: { appId: "a b" },
    });
    expect(matchRoute("POST", "/api/v1/apps/x/secret")?.route.operationId).toBe("regenerate_application_secret");
    expect(matchRoute("GET", "/api/v1/apps/%E0%A4%A")).toBeNull();
    expect(matchRoute("PUT", "/api/v1/apps")).toBeNull();
  });
});

describe("organisation and authorization routes", () => {
  test("are operations of the document, matched with their path parameters", () => {
    expect(matchRoute("GET", "/api/v1/org-unit/projects/1004")).toMatchObject({
      route: { operationId: "get_project" },
      params: { projectId: "1004" },
    });
    expect(matchRoute("DELETE", "/api/v1/authorization/access-rules/3")?.route.operationId).toBe("delete_access_rule");
    expect(matchRoute("PATCH", "/api/v1/node-pools/1")?.route.operationId).toBe("patch_nodepool");
    expect(matchRoute("PUT", "/api/v1/org-unit/projects/1/resources")).toBeNull(); // not served
    const operationIds = ROUTES.map((r) => r.operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });
});

describe("roles", () => {
  const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../api/runai-2.22.openapi.json"), "utf8"));

  test("the resource-type table is the document's ResourceType enum; groups are ResourceTypeGroupIds", () => {
    expect([...RESOURCE_TYPE_NAMES].sort()).toEqual([...DOC.components.schemas.ResourceType.enum].sort());
    for (const role of ROLES) {
      for (const p of role.permissions) {
        expect(DOC.components.schemas.ResourceTypeGroupId.enum).toContain(p.groupId);
        for (const action of p.actions) expect(DOC.components.schemas.Action.enum).toContain(action);
      }
    }
  });

  test("ids are unique and fixed", () => {
    expect(ROLES.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe("admin loopback check", () => {
  test.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.5", false],
    ["::ffff:192.168.1.2", false],
    [undefined, false],
  ])("%s -> %s", (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe("state file", () => {
  test("concurrent persist() calls share writes, and the last write holds the last state", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runai-statefile-"));
    try {
      let version = 0;
      let writes = 0;
      const file = new StateFile(path.join(dir, "state.json"), () => {
        writes++;
        return JSON.stringify({ version });
      });
      const pending: Array<Promise<void>> = [];
      for (let i = 0; i < 20; i++) {
        version = i;
        pending.push(file.persist());
      }
      await Promise.all(pending);
      await file.idle();
      expect(JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"))).toEqual({ version: 19 });
      expect(writes).toBeLessThanOrEqual(2); // the first write, then one for everything that came later
      expect(fs.readdirSync(dir)).toEqual(["state.json"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
