// The provider implementation, loaded at call time by the serialized shim (./shim.ts) from the
// package installed next to the program: the kind registry routes each resource type to the one
// resource adapter.
export { providerFor, RESOURCE_TYPES } from "./registry";
export { RunaiProviderShim } from "./shim";
export { findCluster, findDepartment, findNodePool, findProject, findRole } from "./lookups";
export { createContext } from "./context";
