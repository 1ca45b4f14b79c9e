// The shape of the emulator's operation table. Each family (families/) declares its rows once:
// method, path template, the contract's operationId and the name of the handler serving it. The
// router (routes.ts) matches requests against the rows, the validator compiles each row's
// operation, and the server calls the handler the row names, so an operation id is written once.
import type { EmulatorContext } from "../context";
import type { AssetKind } from "../families/kinds";
import type { ApiRequest, ApiResponse } from "./http";

export type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

/** One operation a family serves. */
export interface OperationRow<H extends string = string> {
  method: string;
  template: string;
  /**
   * The document's operationId for this method and path; the start fails when they differ. Rows
   * generated from a table (the asset kinds) leave it out and take the document's.
   */
  operationId?: string;
  /** The key of the family's handler that serves it. */
  handler: H;
  /** The token endpoint is the one route served without a bearer token. */
  anonymous?: boolean;
}

/** A family of routes: its rows and the handlers they name, built once per emulator. */
export interface Family<H extends string = string> {
  /** How the family is named in the route table ("apps", "environment assets", ...). */
  name: string;
  rows: readonly OperationRow<H>[];
  handlers(ctx: EmulatorContext): Record<H, Handler>;
  /** Set on the families generated from the asset kind table: one per kind. */
  assetKind?: AssetKind;
}

/** Keeps a family's handler names checked against its rows. */
export function defineFamily<H extends string>(family: Family<H>): Family<H> {
  return family;
}
