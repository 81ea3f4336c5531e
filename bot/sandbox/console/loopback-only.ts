/**
 * DNS rebinding guard: the console answers only requests addressed to itself
 * on loopback — Host 127.0.0.1, localhost or [::1] with its own port — and a
 * state-changing request from a browser must come from one of those origins.
 * A page on another site that rebinds its name to 127.0.0.1 sends its own
 * Host (and Origin), so it gets a 403 instead of the chats and the controls.
 */
import type { NextFunction, Request, Response } from 'express';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export function loopbackOnly(port: () => number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const allowed = LOOPBACK.map((h) => `${h}:${port()}`);
    const host = (req.headers.host ?? '').toLowerCase();
    const origin = req.headers.origin?.toLowerCase();
    const changes = req.method !== 'GET' && req.method !== 'HEAD';
    if (!allowed.includes(host) || (changes && origin !== undefined && !allowed.some((a) => origin === `http://${a}`))) {
      res.status(403).type('text/plain; charset=utf-8').send('只接受本机访问：请用 http://127.0.0.1:<端口>/ 打开控制台。');
      return;
    }
    next();
  };
}
