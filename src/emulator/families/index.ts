// The families the emulator serves, in the order their routes are listed (fault-rule errors name
// the templates in this order). A new family is a module exporting its Family and one line here.
import type { Family } from "../http/operations";
import { ACCESS_RULES_FAMILY } from "./access-rules";
import { APPS_FAMILY, TOKEN_FAMILY } from "./apps";
import { assetFamily } from "./assets";
import { CLUSTERS_FAMILY } from "./cluster";
import { DEPARTMENTS_FAMILY } from "./departments";
import { IDENTITY_PROVIDERS_FAMILY } from "./identity-providers";
import { NODE_POOLS_FAMILY } from "./node-pools";
import { ASSET_KINDS } from "./kinds";
import { POLICIES_FAMILY } from "./policies";
import { PROJECTS_FAMILY } from "./projects";
import { ROLES_FAMILY } from "./roles";
import { SETTINGS_FAMILY } from "./settings";

export const FAMILIES: readonly Family[] = [
  TOKEN_FAMILY,
  ...ASSET_KINDS.map(assetFamily),
  APPS_FAMILY,
  DEPARTMENTS_FAMILY,
  PROJECTS_FAMILY,
  CLUSTERS_FAMILY,
  NODE_POOLS_FAMILY,
  ROLES_FAMILY,
  ACCESS_RULES_FAMILY,
  POLICIES_FAMILY,
  SETTINGS_FAMILY,
  IDENTITY_PROVIDERS_FAMILY,
];
