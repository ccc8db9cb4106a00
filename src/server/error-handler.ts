// The one error handler: registered codes keep their status and message; 5xx details stay in the log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, isYqError, type ErrorCode } from '../errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; message_zh: string; details?: unknown };
}

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, message_zh: ERRORS[code].zh, ...(details === undefined ? {} : { details }) } };
}

/** Map Fastify's own errors (parser, body limit, schema) onto registered codes. */
function fromFastify(err: FastifyError): { status: number; body: ErrorBody } | null {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: body('YQ_ERR_BODY_TOO_LARGE', err.message) };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: body('YQ_ERR_UNSUPPORTED_FORMAT', err.message) };
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, body: body('YQ_ERR_BAD_JSON', err.message) };
  }
  if (err.validation) return { status: 400, body: body('YQ_ERR_VALIDATION', err.message, err.validation) };
  if (err.statusCode && err.statusCode < 500) return { status: err.statusCode, body: body('YQ_ERR_VALIDATION', err.message) };
  return null;
}

/** Fastify error handler for the whole app. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (isYqError(err)) {
    if (err.status >= 500) req.log.error({ err }, 'request_failed');
    const msg = err.status >= 500 ? ERRORS[err.code].en : err.message;
    void reply.status(err.status).send(body(err.code, msg, err.status >= 500 ? undefined : err.details));
    return;
  }
  const mapped = fromFastify(err);
  if (mapped) {
    void reply.status(mapped.status).send(mapped.body);
    return;
  }
  req.log.error({ err }, 'request_failed');
  void reply.status(500).send(body('YQ_ERR_INTERNAL', ERRORS.YQ_ERR_INTERNAL.en));
}
