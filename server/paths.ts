/**
 * Request paths as the server routes, redirects and caches them.
 *
 * A request target is always read as a path on our own origin: `//evil.example` is the path
 * "//evil.example" (which becomes "/evil.example/"), never a host. The canonical form of a path
 * has no repeated slashes and no percent-escapes of unreserved characters (RFC 3986 §6.2.2:
 * `%63` is "c"; other escapes keep their meaning and are only upper-cased), so every spelling of
 * one page has one form: variants are redirected to it and the page cache keys by it.
 */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/** The path and query of a request target, or null when it is not one (e.g. `*`, a bad URL). */
export function requestTarget(rawUrl: string | undefined): { pathname: string; search: string } | null {
  const raw = rawUrl ?? '/'
  try {
    // Prefixing our own origin keeps a target that starts with "//" a path (a base URL would read it as a host).
    const url = raw.startsWith('/') ? new URL(`http://local${raw}`) : new URL(raw)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return { pathname: url.pathname, search: url.search }
  } catch {
    return null
  }
}

export function canonicalPath(pathname: string): string {
  const decoded = pathname.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16))
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`
  })
  const collapsed = decoded.replace(/\/{2,}/g, '/')
  return collapsed.startsWith('/') ? collapsed : `/${collapsed}`
}
