import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { toFieldErrors } from './bilingual-zod.ts';
import { d1Trouble, d1Unavailable } from './d1-retry.ts';
import { AppError, problemResponse } from './problem.ts';
import { logLine, requestLog } from './request-log.ts';
import type { AppBindings } from './types.ts';

/** A router whose validation failures become problem+json naming the field. */
export function createRouter() {
  return new OpenAPIHono<AppBindings>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const target = (result as { target?: string }).target ?? 'body';
        return problemResponse(
          c,
          new AppError(
            'validation',
            { zh: '请求数据未通过校验', en: 'The request did not pass validation' },
            { errors: toFieldErrors(result.error.issues, target === 'json' ? 'body' : target) },
          ),
        );
      }
    },
  });
}

/** Errors Hono and its validators throw, in our problem shape. */
function fromHttpException(err: HTTPException): AppError {
  switch (err.status) {
    case 400:
      // The JSON validator's "Malformed JSON in request body".
      return new AppError(
        'bad_request',
        { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
        {
          errors: [
            {
              path: 'body',
              code: 'invalid_json',
              message: 'not valid JSON',
              message_zh: '不是有效的 JSON',
            },
          ],
        },
      );
    case 401:
      return new AppError('unauthorized');
    case 413:
      return new AppError('payload_too_large');
    case 415:
      return new AppError('unsupported_media_type');
    default:
      return new AppError(err.status >= 500 ? 'internal' : 'bad_request');
  }
}

/**
 * The headers every answer of the worker carries (the UI's static files get the same from
 * packages/ui/public/_headers; test/security-headers.security.test.ts and the UI's
 * security-headers e2e test hold both to one list).
 */
export const API_SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
  },
} satisfies Parameters<typeof secureHeaders>[0];

/** The app shell: request ids, a log line per request, security headers, one error mapping. */
export function createApp() {
  const app = createRouter();
  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', requestLog());
  app.use('*', secureHeaders(API_SECURITY_HEADERS));
  app.notFound((c) =>
    problemResponse(c, new AppError('not_found', { zh: '没有这个地址', en: 'No such route' })),
  );
  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    if (err instanceof HTTPException) return problemResponse(c, fromHttpException(err));
    // D1 overloaded or unreachable: 503 with Retry-After, not a 500 (lib/d1-retry.ts).
    if (d1Trouble(err)) return problemResponse(c, d1Unavailable());
    // Unknown errors are logged with the request id and answered without detail.
    // Redacted and cut short: an error message can quote a value the request carried.
    logLine('error', {
      msg: 'unhandled',
      id: c.get('requestId'),
      name: err.name,
      message: err.message.slice(0, 300),
    });
    return problemResponse(c, new AppError('internal'));
  });
  return app;
}
