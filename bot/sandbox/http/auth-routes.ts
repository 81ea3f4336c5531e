/**
 * POST /open-apis/auth/v3/tenant_access_token/internal: no `data` wrapper.
 * Wrong secret → HTTP 400 code 10014 "app secret invalid"; unknown app_id → HTTP 400 code 10003.
 * (The HTTP status of these failures is UNCONFIRMED in the contract; 400 chosen as for other business errors.)
 */
import { Router } from 'express';
import type { SandboxContext } from '../context.js';
import { bad } from '../platform-error.js';
import { okBare } from './respond.js';

export function authRoutes(ctx: SandboxContext): Router {
  const r = Router();
  r.post('/auth/v3/tenant_access_token/internal', (req, res) => {
    const body = (req.body ?? {}) as { app_id?: unknown; app_secret?: unknown };
    if (typeof body.app_id !== 'string' || typeof body.app_secret !== 'string') throw bad(10003, 'invalid param');
    if (body.app_id !== ctx.app.appId) throw bad(10003, 'invalid param: app_id not found');
    if (body.app_secret !== ctx.app.appSecret) throw bad(10014, 'app secret invalid');
    const { token, expire } = ctx.tokens.issue();
    okBare(res, { msg: 'ok', tenant_access_token: token, expire });
  });
  return r;
}
