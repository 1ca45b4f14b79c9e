// Access control. The admin client has full access. Any other caller is an application, which may
// act only where an access rule gives it (subjectType "app", subjectId = the application's name) a
// role whose permissions hold the action on the resource type, in a scope that covers the target:
// a rule on a project covers that project; on a department the department and its projects; on the
// cluster everything in it; on the tenant everything. Rules are read on every request, so creating
// or deleting one takes effect at once.
import { forbidden } from "../http/errors";
import { describeScope, sameScope, type LiveOrganisation, type ScopeRef } from "../families/organisation";
import { role, type Action } from "./roles";
import type { Store } from "../state/store";

/**
 * "covers": a rule's scope must be the target or above it (writes, and reads of org units).
 * "related": also a rule below the target, i.e. reading an asset of a broader scope, such as a
 * tenant-wide environment, that workloads in the rule's project can use (UNCONFIRMED).
 */
export type Reach = "covers" | "related";

/** How 403 messages name a resource type; the others by their ResourceType value ("environments"). */
const NOUNS: Record<string, string> = {
  project: "projects",
  department: "departments",
  access_rules: "access rules",
  apps: "applications",
};

export const resourceNoun = (resourceType: string): string => NOUNS[resourceType] ?? resourceType;

export class AccessControl {
  constructor(
    private readonly store: Store,
    private readonly org: LiveOrganisation,
    private readonly adminClientId: string,
  ) {}

  isAdmin(callerId: string): boolean {
    return callerId === this.adminClientId;
  }

  /** A test for many targets with one look at the rules (list filtering). */
  predicate(callerId: string, resourceType: string, action: Action, reach: Reach = "covers"): (target: ScopeRef) => boolean {
    if (this.isAdmin(callerId)) return () => true;
    const scopes: ScopeRef[] = this.store.accessRules
      .all()
      .filter((r) => r.subjectType === "app" && r.subjectId === callerId && role(r.roleId)?.allowed.get(resourceType)?.has(action))
      .map((r) => (r.scopeType === "tenant" ? { type: "tenant" } : ({ type: r.scopeType, id: r.scopeId } as ScopeRef)));
    if (scopes.length === 0) return () => false;
    return (target) => {
      const above = this.org.chain(target);
      return scopes.some(
        (granted) =>
          above.some((s) => sameScope(s, granted)) || (reach === "related" && this.org.chain(granted).some((s) => sameScope(s, target))),
      );
    };
  }

  allows(callerId: string, resourceType: string, action: Action, target: ScopeRef, reach: Reach = "covers"): boolean {
    return this.predicate(callerId, resourceType, action, reach)(target);
  }

  /** 403 `application "ci-bot" may not create environments in project 1004` unless allowed. */
  require(callerId: string, resourceType: string, action: Action, target: ScopeRef, reach: Reach = "covers"): void {
    if (!this.allows(callerId, resourceType, action, target, reach)) {
      throw forbidden(`application "${callerId}" may not ${action} ${resourceNoun(resourceType)} in ${describeScope(target)}`);
    }
  }
}
