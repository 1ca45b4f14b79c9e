// Which credential spec fields hold secrets, in a module of its own without zod: the resource
// classes need these lists in the program's process, which should not build every schema to get them.

/** `a[].b` is field `b` of every element of list `a` (see AssetContract.secretFields). */
export const CREDENTIAL_SECRET_FIELDS = {
  accessKey: ["secretAccessKey"],
  password: ["password"],
  dockerRegistry: ["password"],
  genericSecret: ["keyValuePairs[].value"],
} as const satisfies Record<string, readonly string[]>;
