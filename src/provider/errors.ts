// The provider's user-facing failures, one class each, so every kind words the same failure the same
// way and callers (and tests) can tell them apart without matching text. HTTP failures keep the
// client's own taxonomy (RunaiHttpError and its subclasses); these are the provider's decisions.
import type { ConnectionFailure, RunaiUnreachableError } from "../client";

/** Base class: a failure the provider itself decided on, with a message meant for the user. */
export class RunaiProviderError extends Error {
  override readonly name: string = "RunaiProviderError";
}

/** A missing or invalid `runai:*` setting; the message names the key and the variable to set. */
export class ProviderConfigError extends RunaiProviderError {
  override readonly name = "ProviderConfigError";
}

/**
 * Run:ai refused the configured credentials: the message names the settings to fix (the client id
 * and secret, or the static token) and keeps the server's answer, which never holds a secret.
 */
export function credentialsRefused(kind: "client credentials" | "token", answer: string): ProviderConfigError {
  return new ProviderConfigError(
    kind === "token"
      ? `Run:ai refused the token of runai:token (or the RUNAI_TOKEN environment variable): ${answer}. ` +
          "Set a valid one with `pulumi config set --secret runai:token <token>`, or use runai:clientId and runai:clientSecret instead"
      : `Run:ai refused the client credentials of runai:clientId and runai:clientSecret (or the RUNAI_CLIENT_ID and ` +
          `RUNAI_CLIENT_SECRET environment variables): ${answer}. Check the client id, and set the secret with ` +
          "`pulumi config set --secret runai:clientSecret <secret>`",
  );
}

/** What failed, and what to check, for each way a first contact with the control plane fails. */
const UNREACHABLE: Record<ConnectionFailure, { what: (host: string) => string; check: string }> = {
  refused: {
    what: () => "the connection was refused",
    check: "Check the URL's host and port, and that the control plane is running",
  },
  "unknown host": {
    what: (host) => `the host name "${host}" does not resolve`,
    check: "Check the URL's host name (a typo? a name that only a VPN or a private DNS knows?)",
  },
  "no TLS": {
    what: () => "the TLS handshake failed",
    check: "Is the URL's scheme right? The server does not speak TLS on that port: use http:// if it serves plain HTTP",
  },
  "untrusted certificate": {
    what: () => "its TLS certificate is not trusted",
    check:
      "If a private CA signed it, set runai:caBundle (or the RUNAI_CA_BUNDLE environment variable) to that CA's certificate, as PEM text or a file",
  },
  "expired certificate": {
    what: () => "its TLS certificate has expired or is not valid yet",
    check: "Check the server's certificate, and this machine's clock",
  },
  "wrong host name": {
    what: () => "its TLS certificate is for another host name",
    check: "Check the URL's host name against the names in the server's certificate",
  },
};

/**
 * The first contact with the control plane of runai:url failed in a way that waiting will not fix:
 * the message names the setting, shows the URL (never credentials) and says what to check.
 */
export function controlPlaneUnreachable(err: RunaiUnreachableError): ProviderConfigError {
  const { what, check } = UNREACHABLE[err.failure];
  return new ProviderConfigError(
    `cannot reach Run:ai at ${err.url} (runai:url, or the RUNAI_URL environment variable): ` +
      `${what(new URL(err.url).hostname)} (${err.method} ${err.path}: ${err.errorCode}). ${check}`,
  );
}

/** What a NotManagedError says about the taken name and what to do. */
export interface NotManagedDetails {
  /** E.g. "ConfigMap asset". */
  label: string;
  objectName: string;
  /** E.g. "project 1001", "the tenant". */
  location: string;
  existingId: string;
  /** What else the user can do, e.g. "choose another meta.name". */
  alternative: string;
  /** What adoption does beyond the usual, for this kind. */
  adoptionNote?: string;
  created?: { by?: string | null; at?: string | null };
  /** The way back after an interrupted run, appended when given (once per process: see interrupted-run.ts). */
  recovery?: string;
}

/**
 * The object's natural key (name and scope) is taken by an object this stack does not manage, and
 * the program did not ask to adopt it.
 */
export class NotManagedError extends RunaiProviderError {
  override readonly name = "NotManagedError";
  readonly label: string;
  readonly objectName: string;
  readonly location: string;
  readonly existingId: string;
  constructor(details: NotManagedDetails) {
    const { label, objectName, location, existingId, alternative, adoptionNote, created, recovery } = details;
    const origin = [created?.by ? `created by ${created.by}` : "", created?.at ? `at ${created.at}` : ""].filter(Boolean).join(" ");
    super(
      `${label} "${objectName}" already exists in ${location} (id ${existingId}${origin ? `, ${origin}` : ""}) and is not managed by this stack. ` +
        `Set adoptExisting: true to take it over with this program's values${adoptionNote ? ` (${adoptionNote})` : ""}, ` +
        `or ${alternative}.${recovery ? ` ${recovery}` : ""}`,
    );
    this.label = label;
    this.objectName = objectName;
    this.location = location;
    this.existingId = existingId;
  }
}

/** The control plane reported that it could not apply (or delete) the object. */
export class SyncFailedError extends RunaiProviderError {
  override readonly name = "SyncFailedError";
}

/** The object did not settle within `runai:timeoutSeconds`. */
export class SyncTimeoutError extends RunaiProviderError {
  override readonly name = "SyncTimeoutError";
}

/** State names a resource type this installed version does not know (it is older than the state). */
export class UnknownResourceTypeError extends RunaiProviderError {
  override readonly name = "UnknownResourceTypeError";
  constructor(readonly resourceType: string) {
    super(
      `pulumi-runai has no provider for "${resourceType}": the installed package is older than the one that created this resource; upgrade pulumi-runai`,
    );
  }
}

/** A look-up by name found no match, or more than one. */
export class LookupError extends RunaiProviderError {
  override readonly name = "LookupError";
}
