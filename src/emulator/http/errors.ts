// Every error leaves the emulator in the contract's `Error` shape: {code, message, details?}.

export interface ErrorBody {
  code: number;
  message: string;
  details?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.status, message: this.message }
      : { code: this.status, message: this.message, details: this.details };
  }
}

export const badRequest = (message: string, details?: string): ApiError => new ApiError(400, message, details);
export const unauthorized = (message: string): ApiError => new ApiError(401, message);
export const forbidden = (message: string): ApiError => new ApiError(403, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);
export const conflict = (message: string): ApiError => new ApiError(409, message);
export const preconditionFailed = (message: string): ApiError => new ApiError(412, message);
