/**
 * POST contact/v3/users/batch_get_id and GET contact/v3/users/:user_id.
 * batch_get_id: ≤50 emails and ≤50 mobiles (more → 400 99992402); the id is always in `user_id`;
 * misses are omitted (or listed without user_id, per option: UNCONFIRMED which is real). Each hit
 * echoes its email / mobile as sent, or as the directory holds it (lower case, +86…), per option
 * (UNCONFIRMED which is real).
 * users/:id: malformed id → 41012; unknown → 41050 (outside data scope); department_ids lists the user's
 * departments in the app's scope (Feishu's field needs contact:user.department:readonly).
 */
import { Router } from 'express';
import type { SandboxContext } from '../context.js';
import { normalizeMobile } from '../directory.js';
import { ID_PREFIX } from '../ids.js';
import { PlatformError, bad } from '../platform-error.js';
import type { SandboxUser } from '../types.js';
import { ok } from './respond.js';

const ID_TYPES = new Set(['open_id', 'union_id', 'user_id']);

function status(u: SandboxUser) {
  return { is_frozen: false, is_resigned: u.resigned, is_activated: !u.resigned, is_exited: false, is_unjoin: false };
}

function idType(q: unknown): string {
  const t = q === undefined ? 'open_id' : String(q);
  if (!ID_TYPES.has(t)) throw new PlatformError(400, 99992402, 'field validation failed: user_id_type');
  return t;
}

/** The directory's own form of a user's email and mobile, as a normalising echo shows them. */
function directoryForm(u: SandboxUser): { email: string; mobile: string } {
  const national = u.mobile ? normalizeMobile(u.mobile) : '';
  return { email: (u.email ?? '').toLowerCase(), mobile: /^1\d{10}$/.test(national) ? `+86${national}` : (u.mobile ?? '') };
}

export function contactRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.post('/contact/v3/users/batch_get_id', (req, res) => {
    const type = idType(req.query.user_id_type);
    const body = (req.body ?? {}) as { emails?: unknown; mobiles?: unknown; include_resigned?: unknown };
    const emails = Array.isArray(body.emails) ? body.emails.map(String) : [];
    const mobiles = Array.isArray(body.mobiles) ? body.mobiles.map(String) : [];
    if (emails.length > 50 || mobiles.length > 50) {
      throw new PlatformError(400, 99992402, 'field validation failed: at most 50 emails and 50 mobiles');
    }
    const visible = (u: SandboxUser | undefined) =>
      u && !u.outsideScope && (!u.resigned || body.include_resigned === true) ? u : undefined;
    const withoutId = ctx.settings.batchGetIdMisses === 'without-id';
    const echo = (u: SandboxUser, field: 'email' | 'mobile', asked: string) =>
      ctx.settings.batchGetIdEcho === 'normalized' ? directoryForm(u)[field] : asked;
    const user_list: Record<string, unknown>[] = [];
    for (const email of emails) {
      const u = visible(ctx.directory.findUser('email', email));
      if (u) user_list.push({ user_id: ctx.directory.userIdOf(u, type), email: echo(u, 'email', email), status: status(u) });
      else if (withoutId) user_list.push({ email });
    }
    for (const mobile of mobiles) {
      const u = visible(ctx.directory.findByMobile(mobile));
      if (u) user_list.push({ user_id: ctx.directory.userIdOf(u, type), mobile: echo(u, 'mobile', mobile), status: status(u) });
      else if (withoutId) user_list.push({ mobile });
    }
    ok(res, { user_list });
  });

  r.get('/contact/v3/users/:user_id', (req, res) => {
    const type = idType(req.query.user_id_type);
    const id = String(req.params.user_id);
    const prefix = ID_PREFIX[type];
    if (prefix && !id.startsWith(prefix)) throw bad(41012, `invalid user id for user_id_type ${type}`);
    const u = ctx.directory.findUser(type, id);
    if (!u || u.outsideScope) throw bad(41050, 'no user authority error');
    ok(res, {
      user: {
        open_id: u.openId,
        union_id: u.unionId,
        user_id: u.userId,
        name: u.name,
        en_name: '',
        ...(u.email ? { email: u.email } : {}),
        ...(u.mobile ? { mobile: u.mobile } : {}),
        status: status(u),
        // The departments in the app's scope, as department_id_type names them.
        department_ids: ctx.directory.departments
          .departmentsOf(u.openId)
          .filter((d) => !d.outsideScope)
          .map((d) => (req.query.department_id_type === 'department_id' ? d.departmentId : d.openDepartmentId)),
        tenant_key: ctx.app.tenantKey,
      },
    });
  });

  return r;
}
