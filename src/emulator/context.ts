// Everything one emulator instance shares between its request handlers.
import { AccessControl } from "./auth/authorization";
import { RequestCounters } from "./http/counters";
import { FaultInjector, parseFaultRules } from "./http/faults";
import { LiveOrganisation } from "./families/organisation";
import { StateFile } from "./state/persistence";
import { DEFAULT_ADMIN_CLIENT_ID, DEFAULT_ADMIN_CLIENT_SECRET } from "./state/seed";
import { Store, type PersistedState } from "./state/store";
import { TokenService } from "./auth/tokens";
import type { EmulatorOptions } from "./types";

export interface EmulatorConfig {
  syncDelayMs: number;
  tokenTtlSeconds: number;
  adminClientId: string;
  adminClientSecret: string;
}

export interface EmulatorContext {
  readonly config: EmulatorConfig;
  /** The live organisation (tenant, cluster, the departments and projects in the store). */
  readonly organisation: LiveOrganisation;
  readonly store: Store;
  readonly tokens: TokenService;
  readonly access: AccessControl;
  readonly faults: FaultInjector;
  readonly counters: RequestCounters;
  /** Makes every mutation so far durable (a no-op without a state file). Await it before acknowledging a write. */
  commit(): Promise<void>;
  /** Resolves when no state-file write is pending. */
  idle(): Promise<void>;
}

export function createContext(options: EmulatorOptions): EmulatorContext {
  const config: EmulatorConfig = {
    syncDelayMs: options.syncDelayMs ?? 200,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    adminClientId: options.adminClientId ?? DEFAULT_ADMIN_CLIENT_ID,
    adminClientSecret: options.adminClientSecret ?? DEFAULT_ADMIN_CLIENT_SECRET,
  };
  const store = new Store();
  const organisation = new LiveOrganisation(store);
  const faults = new FaultInjector(parseFaultRules({ rules: options.faults ?? [] }));

  let stateFile: StateFile | null = null;
  if (options.stateFile) {
    stateFile = new StateFile(options.stateFile, () => JSON.stringify(store.toPersisted()));
    const loaded = stateFile.load();
    if (loaded !== null) store.restore(loaded as PersistedState);
  }
  const file = stateFile;

  return {
    config,
    organisation,
    store,
    tokens: new TokenService(config, organisation, store),
    access: new AccessControl(store, organisation, config.adminClientId),
    faults,
    counters: new RequestCounters(),
    commit: () => (file ? file.persist() : Promise.resolve()),
    idle: () => (file ? file.idle() : Promise.resolve()),
  };
}
