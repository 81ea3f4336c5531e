/** Feishu's answer envelopes: `{code:0,msg,data}` and `{code,msg,error:{log_id}}`. */
import type { NextFunction, Request, Response } from 'express';
import { PlatformError } from '../platform-error.js';

export function ok(res: Response, data: unknown, msg = 'success'): void {
  res.locals.code = 0;
  res.status(200).json({ code: 0, msg, data });
}

/** Answers with a body that has no `data` wrapper (auth, bot info). */
export function okBare(res: Response, body: Record<string, unknown>): void {
  res.locals.code = 0;
  res.status(200).json({ code: 0, ...body });
}

export function fail(res: Response, e: PlatformError): void {
  res.locals.code = e.code;
  for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
  const logId = String(res.getHeader('x-tt-logid') ?? '');
  res.status(e.status).json({ code: e.code, msg: e.message, error: { log_id: logId } });
}

/** Express error middleware: PlatformErrors become Feishu answers, body-parser faults 400, the rest 500. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof PlatformError) return fail(res, err);
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.parse.failed') return fail(res, new PlatformError(400, 99992402, 'field validation failed: body is not valid JSON'));
  if (e.type === 'entity.too.large') return fail(res, new PlatformError(413, 99992402, 'request body too large'));
  console.error('fake Feishu: internal error', err);
  fail(res, new PlatformError(500, 5000, `Internal Server Error: ${e.message ?? String(err)}`));
}

/** Bytes of the request body as it came (Content-Length), or of its compact JSON (what the SDK sends). */
export function bodyBytes(req: Request): number {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > 0 ? declared : Buffer.byteLength(JSON.stringify(req.body ?? {}), 'utf8');
}
