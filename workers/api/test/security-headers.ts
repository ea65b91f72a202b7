/**
 * The security headers every answer carries, API and UI alike — one list for the workerd tests
 * (test/security-headers.security.test.ts) and the browser-side check against `wrangler dev`
 * (packages/ui/e2e/security-headers.e2e.test.ts), which imports this file from Node.
 */

/** What every answer must say, header by header. */
export const REQUIRED_HEADERS: Record<string, (value: string) => boolean> = {
  'content-security-policy': (v) =>
    v.includes("default-src 'self'") &&
    v.includes("script-src 'self'") &&
    v.includes("frame-ancestors 'none'") &&
    v.includes("object-src 'none'") &&
    !v.includes('unsafe-inline') &&
    !v.includes('unsafe-eval'),
  'strict-transport-security': (v) => /max-age=\d{8,}/.test(v) && v.includes('includeSubDomains'),
  'x-content-type-options': (v) => v === 'nosniff',
  'x-frame-options': (v) => v === 'DENY',
  'referrer-policy': (v) => v === 'no-referrer',
  'permissions-policy': (v) =>
    ['camera=()', 'microphone=()', 'geolocation=()'].every((p) => v.includes(p)),
};

export function missingSecurityHeaders(headers: Headers): string[] {
  const wrong: string[] = [];
  for (const [name, ok] of Object.entries(REQUIRED_HEADERS)) {
    const value = headers.get(name);
    if (value === null || !ok(value)) wrong.push(`${name}: ${value}`);
  }
  if (headers.has('set-cookie')) wrong.push(`set-cookie: ${headers.get('set-cookie')}`);
  return wrong;
}
