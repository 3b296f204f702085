import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError, type z } from 'zod';
import { RuleSetError } from '../rules/compile';
import { AppError, type FieldIssue } from './app-error';

export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/** A ZodError as a 400 whose details name every field ('attendance.2.status'). */
export function validationError(error: z.ZodError | ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(请求体)',
    message: i.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.field}：${i.message}`)
    .join('；');
  return new AppError('validation_failed', `输入有误：${summary}${issues.length > 5 ? '……' : ''}`, { issues });
}

type PgError = { code?: string; detail?: string; constraint?: string; message?: string };

/** The database went away under the request (terminated, restarting, unreachable): the caller may retry. */
function lostDatabase(err: PgError): boolean {
  if (err.code && /^(08|57P0)/.test(err.code)) return true;
  if (err.code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(err.code)) return true;
  return /Connection terminated|connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/.test(err.message ?? '');
}

/** Database constraint errors that reach here are still the caller's fault: say so instead of a 500. */
function fromDatabase(err: PgError): AppError | null {
  switch (err.code) {
    case '23505':
      return new AppError('conflict', '数据重复：已存在相同的记录', { constraint: err.constraint });
    case '23503':
      return new AppError('validation_failed', '引用的数据不存在', { constraint: err.constraint });
    case '23514':
      return new AppError('validation_failed', '数据不满足约束条件', { constraint: err.constraint });
    case '22003':
    case '22008':
    case '22P02':
      return new AppError('validation_failed', '数值或日期超出允许范围');
    case '22021':
    case '22P05':
      return new AppError('validation_failed', '文字中含有无法保存的字符');
    case '57014':
      // statement_timeout: one statement ran past the request's time limit (the server cancelled it).
      return new AppError('over_time', '查询超过时限，已取消，没有保存任何结果；请稍后重试');
    case '22001':
    case '54000':
      return new AppError('validation_failed', '内容过长，无法保存');
    default:
      return null;
  }
}

/** Maps anything thrown to the error envelope; a 500 never echoes the internal message. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  if (err instanceof RuleSetError) {
    return new AppError('validation_failed', `考核细则文件有误：${err.issues.slice(0, 3).map((i) => `${i.file} ${i.path} ${i.message}`).join('；')}`, { issues: err.issues });
  }
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large', '上传内容过大');
    if (err.status === 415) return new AppError('unsupported_media_type', '请求体类型不受支持，请使用 application/json');
    if (err.status === 400) return new AppError('validation_failed', '请求体不是有效的 JSON');
    if (err.status === 401) return new AppError('unauthorized', '请提供有效的访问令牌');
  }
  if (err && typeof err === 'object' && 'code' in err) {
    const mapped = fromDatabase(err as PgError);
    if (mapped) return mapped;
  }
  if (err && typeof err === 'object' && lostDatabase(err as PgError)) {
    return new AppError('unavailable', '数据库连接暂时中断，请稍后重试；已保存的数据不受影响');
  }
  return new AppError('internal', '服务器内部错误，请联系管理员并提供请求编号');
}

export function errorResponse(c: Context, err: unknown, logger: Logger): Response {
  const appError = toAppError(err);
  const requestId = (c.get('requestId' as never) as string | undefined) ?? null;
  if (appError.code === 'internal') {
    logger.error('unhandled error', {
      requestId,
      path: c.req.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
  return c.json(
    { error: { code: appError.code, message: appError.message, requestId, details: appError.details } },
    appError.status as ContentfulStatusCode,
  );
}
