// One registry of error codes: each has an HTTP status and a message in Chinese and English.
// Modules add their codes here so that a test can check every code is documented.

export type ErrorDef = { status: number; zh: string; en: string };

export const ERRORS = {
  YQ_ERR_VALIDATION: { status: 400, zh: '输入数据不合法', en: 'Invalid input' },
  YQ_ERR_BAD_JSON: { status: 400, zh: 'JSON 格式错误', en: 'Malformed JSON' },
  YQ_ERR_BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'Request body too large' },
  YQ_ERR_NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  YQ_ERR_CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  YQ_ERR_QUERY_SYNTAX: { status: 400, zh: '检索式语法错误', en: 'Search query syntax error' },
  YQ_ERR_TOPIC_SYNTAX: { status: 400, zh: '监测方案表达式语法错误', en: 'Topic expression syntax error' },
  YQ_ERR_BAD_CURSOR: { status: 400, zh: '分页游标无效', en: 'Invalid pagination cursor' },
  YQ_ERR_FILTER_UNAVAILABLE: { status: 400, zh: '该筛选条件暂不可用', en: 'Search filter not available' },
  YQ_ERR_UNSUPPORTED_FORMAT: { status: 415, zh: '不支持的文件格式', en: 'Unsupported format' },
  YQ_ERR_UNAUTHORIZED: { status: 401, zh: '未授权', en: 'Unauthorized' },
  YQ_ERR_FORBIDDEN: { status: 403, zh: '禁止访问', en: 'Forbidden' },
  YQ_ERR_FETCH_BLOCKED: { status: 400, zh: '目标地址被拒绝访问', en: 'Target address refused' },
  YQ_ERR_FETCH_FAILED: { status: 502, zh: '抓取失败', en: 'Fetch failed' },
  YQ_ERR_FETCH_TIMEOUT: { status: 504, zh: '抓取超时', en: 'Fetch timed out' },
  YQ_ERR_FETCH_TOO_LARGE: { status: 502, zh: '抓取内容超过大小限制', en: 'Fetched body exceeds the size limit' },
  YQ_ERR_FEED_PARSE: { status: 422, zh: '订阅源解析失败', en: 'Feed could not be parsed' },
  YQ_ERR_CHARSET: { status: 422, zh: '字符集无法识别', en: 'Character set could not be decoded' },
  YQ_ERR_CONFIG: { status: 500, zh: '配置错误', en: 'Configuration error' },
  YQ_ERR_INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;

/** An error that carries a registered code, a human detail and optional structured details. */
export class YqError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, detail?: string, opts: { cause?: unknown; details?: unknown } = {}) {
    super(detail ? `${ERRORS[code].en}: ${detail}` : ERRORS[code].en, { cause: opts.cause });
    this.name = 'YqError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = opts.details;
  }
}

/** True when the value is a YqError (also across module copies). */
export function isYqError(e: unknown): e is YqError {
  return e instanceof YqError;
}
