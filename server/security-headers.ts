/**
 * Security headers on every answer of the one server.
 *
 * - Everywhere: no MIME sniffing, a referrer policy, and HSTS in production (APP_ENV=production;
 *   a demo or test server on http://127.0.0.1 must not pin a browser to https).
 * - The public site: framed by nobody (X-Frame-Options DENY, frame-ancestors 'none'), no camera,
 *   microphone or location, and a Content-Security-Policy without inline scripts. Astro computes
 *   that policy for the pages it renders, adding the hashes of its own inline scripts (the
 *   island bootstrap), from the directives below (astro.config.mjs `security.csp`); the server
 *   sends the same policy, without hashes, on everything else (static files, feeds, the 503 page).
 *   Styles keep 'unsafe-inline': the views use style="" attributes.
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

export function siteHeaders(production: boolean): Record<string, string> {
  return {
    ...common(production),
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'content-security-policy': [...SITE_CSP_DIRECTIVES, `script-src ${SITE_SCRIPT_SOURCES.join(' ')}`, `style-src ${SITE_STYLE_SOURCES.join(' ')}`].join('; '),
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
