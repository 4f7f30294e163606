/**
 * Security headers on every answer of the one server.
 *
 * - Everywhere: no MIME sniffing, a referrer policy, and HSTS in production (APP_ENV=production;
 *   a demo or test server on http://127.0.0.1 must not pin a browser to https).
 * - The public site: framed by nobody (X-Frame-Options DENY, frame-ancestors 'none'), no camera,
 *   microphone or location, and a Content-Security-Policy without inline scripts: a page that
 *   carries inline scripts of its own (Astro's island bootstrap) gets their hashes added
 *   (`siteCsp`, from site/middleware.ts); everything else gets the policy without hashes.
 *   Styles keep 'unsafe-inline': the views use style="" attributes. (Astro's own CSP support
 *   would do the same, but it hashes every inlined stylesheet on every render: a quarter of a
 *   sign-up's time, for hashes 'unsafe-inline' makes useless.)
 * - The admin and API (Next, Payload): framed only by our own pages (SAMEORIGIN, frame-ancestors
 *   'self'); the camera stays allowed for the check-in page's QR scanner. Scripts are not
 *   restricted there: the admin's own pages rely on inline scripts.
 */
export const SITE_CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
]
export const SITE_SCRIPT_SOURCES = ["'self'"]
export const SITE_STYLE_SOURCES = ["'self'", "'unsafe-inline'"]

const common = (production: boolean): Record<string, string> => ({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  ...(production ? { 'strict-transport-security': 'max-age=31536000' } : {}),
})

/** The site's Content-Security-Policy, allowing the inline scripts whose hashes are given ('sha256-…'). */
export function siteCsp(scriptHashes: readonly string[] = []): string {
  const scripts = [...SITE_SCRIPT_SOURCES, ...scriptHashes.map((h) => `'${h}'`)]
  return [...SITE_CSP_DIRECTIVES, `script-src ${scripts.join(' ')}`, `style-src ${SITE_STYLE_SOURCES.join(' ')}`].join('; ')
}

export function siteHeaders(production: boolean): Record<string, string> {
  return {
    ...common(production),
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'content-security-policy': siteCsp(),
  }
}

export function adminHeaders(production: boolean): Record<string, string> {
  return {
    ...common(production),
    'x-frame-options': 'SAMEORIGIN',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
    'content-security-policy': "frame-ancestors 'self'; base-uri 'self'; object-src 'none'",
  }
}
