// The provider implementation, loaded at call time by the serialized shim (./shim.ts) from the
// package installed next to the program: the kind registry routes each resource type to the one
// resource adapter.
// `providerFor` is also what shims serialized by earlier versions call: keep it.
export { providerFor, RESOURCE_TYPES } from "./registry";
export { installProvider } from "./install";
export { findCluster, findDepartment, findNodePool, findProject, findRole } from "./lookups";
export { createContext } from "./context";
