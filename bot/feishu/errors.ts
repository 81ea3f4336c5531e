/**
 * Feishu errors classified by what the caller should do (STYLE habit 5):
 * retry after a reset, back off, refresh the token once, or give up and
 * record the reason. The Feishu code is always kept.
 */

/**
 * `in_flight`: Feishu is still sending a message with this uuid (230049): wait, then send again with
 * the same uuid to learn how it went — never a failure to tell admins about.
 */
export type FeishuErrorKind = 'rate_limit' | 'server' | 'network' | 'token' | 'in_flight' | 'permanent';

export class FeishuError extends Error {
  override name = 'FeishuError';
  constructor(
    message: string,
    readonly kind: FeishuErrorKind,
    readonly code: number | null,
    readonly httpStatus: number | null,
    /** For rate limits: how long Feishu asked us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind !== 'permanent';
  }
}

/** Codes meaning the tenant token is missing, invalid or expired: refresh and retry once. */
export const TOKEN_CODES = new Set([99991661, 99991663, 99991664, 99991671]);
/** Frequency limits other than the gateway's 429: back off and retry. */
const RATE_CODES = new Set([230020, 1000004, 1000005, 11232, 11233, 11247]);
/** Feishu's internal errors: retry with backoff. */
const SERVER_CODES = new Set([1500, 2200, 5000]);
/**
 * 230049 "the message is being sent" (send error table,
 * https://open.feishu.cn/document/server-docs/im-v1/message/create): a send with the same uuid is under way.
 */
export const IN_FLIGHT_CODE = 230049;
/** A 2.0 card mid-interaction: retry shortly (`card action is lock`). */
const LOCK_HINT = /card action is lock/i;

/** Plain-language reasons for the permanent failures admins will see. */
const REASONS: Record<number, string> = {
  230002: '机器人不在该群中',
  232011: '机器人不在该群中',
  234004: '机器人不在该群中',
  230013: '用户不在应用的可用范围内或已离职',
  230029: '用户已离职',
  230053: '用户已屏蔽机器人',
  230035: '没有发言权限（可能被禁言）',
  230006: '应用未开启机器人能力',
  232025: '应用未开启机器人能力',
  230025: '消息内容超出长度限制',
  230099: '卡片内容无效',
  230001: '请求参数无效',
  230034: '接收者 ID 无效',
  230011: '消息已撤回',
  230031: '消息已超过 14 天，无法更新',
  230110: '消息已删除',
  232009: '群已解散',
  99991672: '应用缺少接口权限（请在开发者后台开通权限）',
  41050: '无权查看该用户',
  41012: '用户 ID 无效',
  99991403: '本月接口调用额度已用完',
  // Buzz (加急) answers: https://open.feishu.cn/document/server-docs/im-v1/buzz-messages/urgent_app
  230012: '机器人不是该消息的发送者',
  230023: '对方未读的加急消息过多（超过 200 条），需先阅读部分加急消息',
  230024: '企业的加急额度已用完，请联系企业管理员',
  230027: '外部群不支持该操作',
  230052: '无权加急该消息（群设置仅群主和管理员可加急，或被识别为风险操作）',
  230098: '被聚合的消息不支持加急',
};

export function reasonOf(e: FeishuError): string {
  return (e.code !== null && REASONS[e.code]) || e.message;
}

interface AxiosLike {
  isAxiosError?: boolean;
  code?: string;
  message?: string;
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
}

/** Classifies a response body with `code != 0` (the SDK resolves those). */
export function errorFromBody(body: { code?: number; msg?: string }, httpStatus: number | null, headers?: Record<string, unknown>): FeishuError {
  const code = typeof body.code === 'number' ? body.code : null;
  const msg = `Feishu ${code ?? '?'}: ${body.msg ?? 'error'}`;
  if (httpStatus === 429 || code === 99991400) {
    const reset = Number(headers?.['x-ogw-ratelimit-reset']);
    return new FeishuError(msg, 'rate_limit', code, httpStatus, Number.isFinite(reset) && reset > 0 ? reset * 1000 : null);
  }
  if (code === IN_FLIGHT_CODE) return new FeishuError(msg, 'in_flight', code, httpStatus);
  if (code !== null && TOKEN_CODES.has(code)) return new FeishuError(msg, 'token', code, httpStatus);
  if (code !== null && RATE_CODES.has(code)) return new FeishuError(msg, 'rate_limit', code, httpStatus);
  if (code !== null && SERVER_CODES.has(code)) return new FeishuError(msg, 'server', code, httpStatus);
  if (code === 230099 && LOCK_HINT.test(body.msg ?? '')) return new FeishuError(msg, 'server', code, httpStatus);
  if (httpStatus !== null && httpStatus >= 500) return new FeishuError(msg, 'server', code, httpStatus);
  return new FeishuError(msg, 'permanent', code, httpStatus);
}

/** Anything the SDK threw (AxiosError for non-2xx, plain errors for network trouble). */
export function classifyFeishuError(e: unknown): FeishuError {
  if (e instanceof FeishuError) return e;
  const ax = e as AxiosLike;
  if (ax?.response) {
    const data = (ax.response.data ?? {}) as { code?: number; msg?: string };
    return errorFromBody(typeof data === 'object' ? data : {}, ax.response.status ?? null, ax.response.headers);
  }
  const message = (e as Error)?.message ?? String(e);
  const tokenFailure = /failed to get tenant_access_token/.exec(message);
  if (tokenFailure) return new FeishuError(message, /code: 10014|code: 10003/.test(message) ? 'permanent' : 'token', null, null);
  // No response at all: connection refused, reset, timeout, DNS.
  return new FeishuError(`network: ${message}`, 'network', null, null);
}

/** A download stopped because the file is larger than the caller accepts (nothing more was read). */
export class DownloadTooLarge extends Error {
  override name = 'DownloadTooLarge';
  /** `size`: the file's size when Feishu said it (Content-Length), else null. */
  constructor(readonly maxBytes: number, readonly size: number | null = null) {
    super(`download larger than ${maxBytes} bytes`);
  }
}
