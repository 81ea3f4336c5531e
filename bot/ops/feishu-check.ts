/**
 * Knowing at start that Feishu is reachable and takes the app's credentials: one tenant token
 * fetched, and a failure explained as the variable to fix. /readyz gives the same explanation for
 * as long as it lasts (bot/ops/health.ts).
 *
 * Token errors (POST /open-apis/auth/v3/tenant_access_token/internal, server-docs
 * authentication-management/access-token/tenant_access_token_internal): 10003 the app_id is not
 * known ("invalid param"), 10014 "app secret invalid". Any other refusal names both variables.
 */
import type { Config } from '../config.js';
import { classifyFeishuError } from '../feishu/errors.js';

export interface FeishuProblem {
  /** The variable to fix. */
  variable: 'FEISHU_APP_ID' | 'FEISHU_APP_SECRET' | 'FEISHU_APP_ID and FEISHU_APP_SECRET' | 'FEISHU_DOMAIN';
  zh: string;
  /** Short enough for /readyz (it keeps 200 characters). */
  en: string;
}

/** The open platform in use, for the start-up lines. */
export function platformName(domain: string): string {
  if (domain === 'feishu') return '飞书 Feishu（https://open.feishu.cn）';
  if (domain === 'lark') return 'Lark（https://open.larksuite.com）';
  return `自定义地址 custom（${domain}）`;
}

function hostOf(domain: string): string {
  if (domain === 'feishu') return 'open.feishu.cn';
  if (domain === 'lark') return 'open.larksuite.com';
  return domain;
}

/** Why the token fetch failed, as the variable to fix. */
export function explainFeishuFailure(e: unknown, config: Pick<Config, 'FEISHU_DOMAIN'>): FeishuProblem {
  const err = classifyFeishuError(e);
  const host = hostOf(config.FEISHU_DOMAIN);
  // The SDK turns an HTTP 200 refusal into "failed to get tenant_access_token, code: X, msg: Y".
  const code = err.code ?? Number(/code: (\d+)/.exec(err.message)?.[1] ?? NaN);
  if (err.kind === 'network' || err.httpStatus === 404) {
    const why = err.kind === 'network' ? err.message.replace(/^network: /, '') : 'HTTP 404';
    return {
      variable: 'FEISHU_DOMAIN',
      zh: `无法连接飞书开放平台 ${host}（${why}）。请检查网络、代理或防火墙，以及 FEISHU_DOMAIN（feishu、lark 或地址）。`,
      en: `FEISHU_DOMAIN: Feishu is unreachable at ${host} (${why.slice(0, 60)}); check the network, proxy and FEISHU_DOMAIN`,
    };
  }
  if (code === 10003) {
    return {
      variable: 'FEISHU_APP_ID',
      zh: `飞书不认识此 App ID（code 10003）。请从开发者后台「凭证与基础信息」复制 App ID 到 FEISHU_APP_ID，并确认 FEISHU_DOMAIN（飞书或 Lark）与应用所在平台一致。`,
      en: 'FEISHU_APP_ID: Feishu does not know this App ID (code 10003); copy it from the developer console, and check FEISHU_DOMAIN (Feishu or Lark)',
    };
  }
  if (code === 10014) {
    return {
      variable: 'FEISHU_APP_SECRET',
      zh: '飞书拒绝了 App Secret（code 10014）。请从开发者后台「凭证与基础信息」复制 App Secret 到 FEISHU_APP_SECRET（重置后旧的即失效）。',
      en: 'FEISHU_APP_SECRET: Feishu refused the App Secret (code 10014); copy it from the developer console (a reset secret replaces the old one)',
    };
  }
  const what = Number.isFinite(code) ? `code ${code}` : err.httpStatus ? `HTTP ${err.httpStatus}` : err.message.slice(0, 60);
  return {
    variable: 'FEISHU_APP_ID and FEISHU_APP_SECRET',
    zh: `飞书没有发放访问凭证（${what}）。请核对 FEISHU_APP_ID 与 FEISHU_APP_SECRET，并确认应用是企业自建应用。`,
    en: `FEISHU_APP_ID and FEISHU_APP_SECRET: Feishu gave no tenant token (${what}); check both, and that the app is self-built`,
  };
}

/** Fetches a tenant token once: null when Feishu took the credentials, else what to fix. */
export async function checkFeishu(tokenReady: () => Promise<void>, config: Pick<Config, 'FEISHU_DOMAIN'>): Promise<FeishuProblem | null> {
  try {
    await tokenReady();
    return null;
  } catch (e) {
    return explainFeishuFailure(e, config);
  }
}
