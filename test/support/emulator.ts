// An emulator for one e2e test file, with the out-of-band helpers the scenarios need: API calls as
// the admin (to make drift by hand), request counters, fault rules and a reset.
import { startEmulator } from "../../src/emulator";
import type { Emulator, EmulatorOptions, FaultRule } from "../../src/emulator";

export type Counters = Record<string, Record<string, number>>;

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

export class EmulatorHarness {
  private token: string | undefined;

  private constructor(readonly emulator: Emulator) {}

  static async start(options: EmulatorOptions = {}): Promise<EmulatorHarness> {
    return new EmulatorHarness(await startEmulator({ port: 0, quiet: true, syncDelayMs: 50, ...options }));
  }

  get url(): string {
    return this.emulator.url;
  }

  /** Stack config that points the provider at this emulator with the admin credentials. */
  stackConfig(): Record<string, string | { value: string; secret: boolean }> {
    return {
      "runai:url": this.url,
      "runai:clientId": this.emulator.adminClientId,
      "runai:clientSecret": { value: this.emulator.adminClientSecret, secret: true },
    };
  }

  /** Calls the Run:ai API as the admin, like a person clicking in the UI. Returns status and JSON body. */
  async api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    this.token ??= await this.requestToken(this.emulator.adminClientId, this.emulator.adminClientSecret);
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Exchanges application credentials for a token; undefined when the emulator refuses them. */
  async tryToken(clientId: string, clientSecret: string): Promise<string | undefined> {
    const response = await fetch(`${this.url}/api/v1/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grantType: "client_credentials", clientId, clientSecret }),
    });
    if (!response.ok) return undefined;
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  private async requestToken(clientId: string, clientSecret: string): Promise<string> {
    const token = await this.tryToken(clientId, clientSecret);
    if (!token) throw new Error("the emulator refused the admin credentials");
    return token;
  }

  async counters(): Promise<Counters> {
    return (await this.admin("GET", "/__emulator/counters")) as Counters;
  }

  async resetCounters(): Promise<void> {
    await this.admin("DELETE", "/__emulator/counters");
  }

  /** How many write requests (POST/PUT/PATCH/DELETE) reached the API, excluding the token endpoint. */
  async writeCount(): Promise<number> {
    return sumWhere(await this.counters(), (route) => WRITE_METHODS.includes(route.split(" ")[0]) && !route.endsWith("/api/v1/token"));
  }

  /** How many requests got this status, on any route. */
  async statusCount(status: number): Promise<number> {
    return sumWhere(await this.counters(), () => true, String(status));
  }

  async setFaults(rules: FaultRule[]): Promise<void> {
    await this.admin("PUT", "/__emulator/faults", { rules });
  }

  async clearFaults(): Promise<void> {
    await this.admin("DELETE", "/__emulator/faults");
  }

  async forceStatus(assetId: string, status: { status: string; issues?: unknown[]; message?: string }): Promise<void> {
    await this.admin("PUT", `/__emulator/assets/${assetId}/status`, status);
  }

  async reset(): Promise<void> {
    await this.admin("POST", "/__emulator/reset");
    this.token = undefined;
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  private async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
}

function sumWhere(counters: Counters, routeMatches: (route: string) => boolean, status?: string): number {
  let total = 0;
  for (const [route, byStatus] of Object.entries(counters)) {
    if (!routeMatches(route)) continue;
    for (const [code, count] of Object.entries(byStatus)) if (status === undefined || code === status) total += count;
  }
  return total;
}
