// Typed endpoints for `/api/v1/asset/<kind>`: one generic class serves every kind from its contract
// (src/schemas: path and spec schemas), so the client knows no kind by name.
import { z } from "zod";
import {
  Asset,
  AssetContract,
  AssetCreationRequest,
  assetKindSchemas,
  AssetScope,
  AssetUpdateRequest,
  HttpResponse,
} from "../schemas/asset";
import { createWithRecovery } from "./create-recovery";
import type { HttpTransport } from "./http";
import { ListedReads } from "./listed-reads";

/** List filters (2.22). `scope` with a scope id limits the list to that scope (no inherited assets). */
export interface AssetListFilter {
  name?: string;
  scope?: AssetScope;
  projectId?: number;
  departmentId?: string;
  clusterId?: string;
  /** Ask for `status` (AssetClusterStatusInfo) in each entry. */
  statusInfo?: boolean;
}

export interface AssetGetOptions {
  statusInfo?: boolean;
}

/** Identifies an asset by its natural key: name, scope, and the id of that scope. */
export interface AssetKey {
  name: string;
  scope: AssetScope;
  projectId?: number | null;
  departmentId?: string | null;
  clusterId?: string | null;
}

/** True when `asset` has exactly this name, scope and scope id. */
export function matchesAssetKey(asset: Asset<unknown>, key: AssetKey): boolean {
  const m = asset.meta;
  if (m.name !== key.name || m.scope !== key.scope) return false;
  switch (key.scope) {
    case "project":
      return (m.projectId ?? null) === (key.projectId ?? null);
    case "department":
      return (m.departmentId ?? null) === (key.departmentId ?? null);
    case "cluster":
      return (m.clusterId ?? null) === (key.clusterId ?? null);
    default:
      return true; // tenant and system: one of each per tenant
  }
}

export class AssetEndpoint<TSpec, TSpecOut = TSpec> {
  private readonly assetSchema: z.ZodType<Asset<TSpecOut>>;
  private readonly listSchema: z.ZodType<{ entries: Asset<TSpecOut>[] }>;
  /** Reads answered from a recent list, one per `statusInfo` setting (see listed-reads.ts). */
  private readonly listedReads = new Map<boolean, ListedReads<Asset<TSpecOut>>>();

  constructor(
    private readonly transport: HttpTransport,
    readonly contract: AssetContract<TSpec, TSpecOut>,
  ) {
    const schemas = assetKindSchemas(contract);
    this.assetSchema = schemas.asset as unknown as z.ZodType<Asset<TSpecOut>>;
    this.listSchema = schemas.list as unknown as z.ZodType<{ entries: Asset<TSpecOut>[] }>;
  }

  get path(): string {
    return this.contract.path;
  }

  /** `GET <path>`. No paging: the server returns every match. */
  async list(filter: AssetListFilter = {}): Promise<Asset<TSpecOut>[]> {
    const body = await this.transport.request({
      method: "GET",
      path: this.contract.path,
      query: { ...filter },
      schema: this.listSchema,
    });
    return body.entries;
  }

  /** `GET <path>/{id}`. A missing asset throws RunaiNotFoundError. */
  async get(id: string, options: AssetGetOptions = {}): Promise<Asset<TSpecOut>> {
    return this.transport.request({
      method: "GET",
      path: this.itemPath(id),
      query: { statusInfo: options.statusInfo },
      schema: this.assetSchema,
    });
  }

  /**
   * The asset with this id as it was moments ago, for a refresh: once this client has read more
   * than a few assets of the kind, from one list of the kind rather than a GET each (see
   * listed-reads.ts). A missing asset throws RunaiNotFoundError, as `get` does.
   */
  async getRecent(id: string, options: AssetGetOptions = {}): Promise<Asset<TSpecOut>> {
    const statusInfo = options.statusInfo === true;
    let reads = this.listedReads.get(statusInfo);
    if (!reads) {
      reads = new ListedReads({
        readOne: (assetId) => this.get(assetId, options),
        readAll: () => this.list({ statusInfo: statusInfo || undefined }),
        idOf: (asset) => asset.meta.id,
      });
      this.listedReads.set(statusInfo, reads);
    }
    return reads.read(id);
  }

  /**
   * The asset with exactly this name, scope and scope id, or undefined. Filters the list on the
   * server (name and scope) and compares again here: the `name` filter may not be an exact match,
   * and without `scope` a scope-id filter also returns inherited assets.
   */
  async findByKey(key: AssetKey, options: AssetGetOptions = {}): Promise<Asset<TSpecOut> | undefined> {
    const filter: AssetListFilter = { name: key.name, scope: key.scope, statusInfo: options.statusInfo };
    if (key.scope === "project" && key.projectId != null) filter.projectId = key.projectId;
    if (key.scope === "department" && key.departmentId != null) filter.departmentId = key.departmentId;
    if (key.scope === "cluster" && key.clusterId != null) filter.clusterId = key.clusterId;
    const entries = await this.list(filter);
    return entries.find((asset) => matchesAssetKey(asset, key));
  }

  /**
   * `POST <path>` (202). Never re-sent blindly: after an uncertain outcome the asset is looked up by
   * name and scope and returned if the first POST created it (see create-recovery.ts).
   */
  async create(body: AssetCreationRequest<TSpec>): Promise<Asset<TSpecOut>> {
    return this.writing(() =>
      createWithRecovery({
        transport: this.transport,
        method: "POST",
        path: this.contract.path,
        post: () =>
          this.transport.request({
            method: "POST",
            path: this.contract.path,
            body,
            schema: this.assetSchema,
            retry: false,
          }),
        lookup: () => this.findByKey(body.meta),
      }),
    );
  }

  /** `PUT <path>/{id}` (202). Idempotent, so retried. */
  async update(id: string, body: AssetUpdateRequest<TSpec>): Promise<Asset<TSpecOut>> {
    return this.writing(() => this.transport.request({ method: "PUT", path: this.itemPath(id), body, schema: this.assetSchema }));
  }

  /** `DELETE <path>/{id}` (202; deletion continues asynchronously). A missing asset throws RunaiNotFoundError. */
  async delete(id: string): Promise<void> {
    await this.writing(() => this.transport.request({ method: "DELETE", path: this.itemPath(id), schema: deleteResponse }));
  }

  /** A write makes every list of the kind taken before it ends out of date (one may start meanwhile). */
  private async writing<R>(write: () => Promise<R>): Promise<R> {
    const invalidate = () => this.listedReads.forEach((reads) => reads.invalidate());
    invalidate();
    try {
      return await write();
    } finally {
      invalidate();
    }
  }

  private itemPath(id: string): string {
    return `${this.contract.path}/${encodeURIComponent(id)}`;
  }
}

/** The 202 `HttpResponse` of a delete; some kinds answer 204 with no body, which is fine too. */
const deleteResponse = HttpResponse.optional();
