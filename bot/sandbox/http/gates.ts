/** Middleware in front of every API: call log, latency, injected faults, the tenant-token check. */
import type { NextFunction, Request, Response } from 'express';
import type { SandboxContext } from '../context.js';
import { ids } from '../ids.js';
import { PlatformError } from '../platform-error.js';
import { fail } from './respond.js';

const AUTH_PATH = '/open-apis/auth/v3/';

export function callLog(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const at = ctx.now();
    res.setHeader('x-tt-logid', ids.logId());
    res.on('finish', () => {
      ctx.calls.push({ method: req.method, path: req.originalUrl.split('?')[0] ?? '', status: res.statusCode, code: (res.locals.code as number | undefined) ?? null, at });
    });
    next();
  };
}

export function latency(ctx: SandboxContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const ms = ctx.faults.latencyMs();
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    const answerMs = ctx.faults.answerDelayMs();
    if (answerMs > 0 && req.originalUrl.startsWith('/open-apis/im/')) {
      // The work is done now; only the answer is held back.
      const end = res.end.bind(res) as (...a: unknown[]) => Response;
      res.end = ((...a: unknown[]) => {
        setTimeout(() => end(...a), answerMs).unref();
        return res;
      }) as Response['end'];
    }
    next();
  };
}

/** serverError applies to every API but auth; rateLimit to IM APIs (/open-apis/im/) or, when asked, contact APIs. */
export function injectedFaults(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.originalUrl.startsWith(AUTH_PATH)) return next();
    const serverError = ctx.faults.takeServerError();
    if (serverError) return fail(res, serverError);
    if (req.originalUrl.startsWith('/open-apis/im/')) {
      const limited = ctx.faults.takeRateLimit();
      if (limited) return fail(res, limited);
    }
    if (req.originalUrl.startsWith('/open-apis/contact/')) {
      const limited = ctx.faults.takeRateLimit('contact');
      if (limited) return fail(res, limited);
      try {
        ctx.limits.takeContact();
      } catch (e) {
        return fail(res, e as PlatformError);
      }
    }
    next();
  };
}

export function requireTenantToken(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.originalUrl.startsWith(AUTH_PATH)) return next();
    const check = ctx.tokens.check(req.headers.authorization);
    if (!check.ok) return fail(res, new PlatformError(ctx.settings.tokenErrorStatus, check.code, check.msg));
    next();
  };
}
