// The applications, by id and by client id (the token endpoint looks them up by client id).
import type { AppRecord } from "../types";

export class AppTable {
  private readonly byId = new Map<string, AppRecord>();
  private readonly byClient = new Map<string, AppRecord>();

  get(id: string): AppRecord | undefined {
    return this.byId.get(id);
  }

  byClientId(clientId: string): AppRecord | undefined {
    return this.byClient.get(clientId);
  }

  byName(name: string): AppRecord | undefined {
    for (const app of this.byId.values()) if (app.name === name) return app;
    return undefined;
  }

  all(): AppRecord[] {
    return [...this.byId.values()];
  }

  insert(app: AppRecord): void {
    this.byId.set(app.id, app);
    this.byClient.set(app.clientId, app);
  }

  remove(app: AppRecord): void {
    this.byId.delete(app.id);
    this.byClient.delete(app.clientId);
  }

  clear(): void {
    this.byId.clear();
    this.byClient.clear();
  }
}
