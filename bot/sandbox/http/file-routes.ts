/**
 * POST im/v1/files, POST im/v1/images (multipart uploads by the bot) and
 * GET im/v1/messages/:message_id/resources/:file_key?type=image|file (download from a message).
 * Upload error codes (234001 bad param, 234006 too big) are UNCONFIRMED in the contract.
 * Download: a key the message does not carry → 234003; a card, sticker or merge-forward message →
 * 234043; the bot outside the chat → 234004. `type` must match the resource (image for images,
 * also a post's and a video's cover; file for files and videos): what Feishu answers to a
 * mismatch is UNCONFIRMED, the fake refuses it with 234001 so that the bot must ask rightly.
 * Content-Length is sent, as a size the bot may check before reading.
 */
import express, { Router, type Request } from 'express';
import type { SandboxContext } from '../context.js';
import { bad } from '../platform-error.js';
import type { StoredMessage } from '../types.js';
import { field, parseMultipart, type Part } from './multipart.js';
import { ok } from './respond.js';

const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);
const FILE_MAX = 30 * 1024 * 1024;
const IMAGE_MAX = 10 * 1024 * 1024;
const badParam = (what: string) => bad(234001, `Invalid request param: ${what}`);

function readForm(req: Request): Part[] {
  const type = req.headers['content-type'] ?? '';
  const parts = Buffer.isBuffer(req.body) && type.startsWith('multipart/form-data') ? parseMultipart(req.body, type) : null;
  if (!parts) throw badParam('expected a multipart/form-data body');
  return parts;
}

function fileField(parts: Part[], name: string, max: number): { bytes: Buffer; fileName: string | null } {
  const f = parts.find((p) => p.name === name);
  if (!f) throw badParam(`${name} is required`);
  if (f.bytes.length === 0) throw badParam(`${name} is empty`);
  if (f.bytes.length > max) throw bad(234006, 'The file size exceeds the limit.');
  return { bytes: f.bytes, fileName: f.fileName };
}

/** Keys a message carries that can be downloaded. */
function keysOf(m: StoredMessage): string[] {
  const c = (m.content ?? {}) as Record<string, unknown>;
  const keys = [c.file_key, c.image_key].filter((k): k is string => typeof k === 'string');
  if (m.msgType === 'post') {
    for (const s of JSON.stringify(c).matchAll(/"image_key":"([^"]+)"|"file_key":"([^"]+)"/g)) keys.push(s[1] ?? s[2] ?? '');
  }
  return keys;
}

export function fileRoutes(ctx: SandboxContext): Router {
  const r = Router();
  const raw = express.raw({ type: 'multipart/form-data', limit: '100mb' });

  r.post('/im/v1/files', raw, (req, res) => {
    const form = readForm(req);
    const fileType = field(form, 'file_type') ?? '';
    if (!FILE_TYPES.has(fileType)) throw badParam('file_type must be opus|mp4|pdf|doc|xls|ppt|stream');
    const fileName = field(form, 'file_name');
    if (!fileName) throw badParam('file_name is required');
    const { bytes } = fileField(form, 'file', FILE_MAX);
    const f = ctx.files.put({ kind: 'file', fileName, fileType, bytes, owner: 'bot' });
    ok(res, { file_key: f.key });
  });

  r.post('/im/v1/images', raw, (req, res) => {
    const form = readForm(req);
    const imageType = field(form, 'image_type');
    if (imageType !== 'message' && imageType !== 'avatar') throw badParam('image_type must be message|avatar');
    const { bytes, fileName } = fileField(form, 'image', IMAGE_MAX);
    const f = ctx.files.put({ kind: 'image', fileName: fileName ?? 'image', fileType: 'image', bytes, owner: 'bot' });
    ok(res, { image_key: f.key });
  });

  r.get('/im/v1/messages/:message_id/resources/:file_key', (req, res) => {
    const type = req.query.type;
    if (type !== 'image' && type !== 'file') throw badParam('type must be image or file');
    const m = ctx.messages.get(String(req.params.message_id));
    const key = String(req.params.file_key);
    if (!m) throw bad(234003, 'File not in msg: message not found.');
    const chat = ctx.directory.chat(m.chatId);
    if (!chat?.botIsMember) throw bad(234004, 'The bot is not in the chat of this message.');
    if (['interactive', 'sticker', 'merge_forward'].includes(m.msgType)) {
      throw bad(234043, 'Unsupported message type: stickers, cards and merge-forward messages have no downloadable resources.');
    }
    const f = keysOf(m).includes(key) ? ctx.files.get(key) : undefined;
    if (!f) throw bad(234003, 'File not in msg.');
    if (f.kind !== type) throw badParam(`type ${type} does not match the resource (${f.kind})`);
    res.locals.code = 0;
    res.status(200);
    res.setHeader('content-type', f.kind === 'image' ? 'image/png' : 'application/octet-stream');
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    res.setHeader('content-length', String(f.bytes.length));
    res.end(f.bytes);
  });

  return r;
}
