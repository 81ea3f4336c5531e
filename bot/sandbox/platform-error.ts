/** An error answer of the platform: HTTP status, Feishu code and msg (plus extra headers). */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(msg);
  }
}

/** Most business errors are HTTP 400 (contract §2, §5). */
export const bad = (code: number, msg: string) => new PlatformError(400, code, msg);

export const invalidParam = (ext: string) =>
  bad(230001, `Your request contains an invalid request parameter, ext=${ext}`);
