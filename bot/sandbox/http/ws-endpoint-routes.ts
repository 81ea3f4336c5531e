/**
 * POST /callback/ws/endpoint (outside /open-apis, no tenant token): where the SDK's WSClient asks
 * for its connect URL with the app's credentials (long-connection/gateway.ts). Feishu answers HTTP
 * 200 with a code; the SDK retries only 1000040343 and gives up (onError) on any other code.
 */
import { Router } from 'express';
import type { SandboxContext } from '../context.js';

export function wsEndpointRoutes(ctx: SandboxContext): Router {
  const r = Router();
  r.post('/callback/ws/endpoint', (req, res) => {
    const body = (req.body ?? {}) as { AppID?: unknown; AppSecret?: unknown };
    if (body.AppID !== ctx.app.appId || body.AppSecret !== ctx.app.appSecret) {
      res.locals.code = 514;
      res.json({ code: 514, msg: 'auth failed', data: {} });
      return;
    }
    const config = ctx.longConnection.endpoint(req.headers.host ?? '127.0.0.1');
    if (!config) {
      res.locals.code = 1000040350;
      res.json({ code: 1000040350, msg: 'exceed connection limit', data: {} });
      return;
    }
    res.locals.code = 0;
    res.json({ code: 0, msg: 'ok', data: config });
  });
  return r;
}
