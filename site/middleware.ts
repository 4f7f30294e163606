import { createHash } from 'node:crypto'
import { defineMiddleware } from 'astro:middleware'
import { compress, pickEncoding } from '../server/compress'
import { siteCsp } from '../server/security-headers'
import { PAGE_EXPIRES_HEADER, pageExpiry } from '../server/page-cache'
import { isConnectionError } from './lib/cms'
import { unavailableResponse } from './lib/unavailable'
import { langFromPath } from './i18n/routes'

const CACHEABLE_TYPES = /^(text\/html|application\/xml|application\/rss\+xml|text\/xml|text\/plain)/

/**
 * 0. Writes (form posts, actions) from another origin are refused with 403.
 * 1. A page that cannot reach the database answers 503 with the hotline, not a bare error.
 * 2. A page with inline scripts of its own (Astro's island bootstrap) gets their hashes in its
 *    Content-Security-Policy, so they run and nothing else inline does (server/security-headers.ts).
 * 3. A public page the server marked cacheable (locals.cacheSlot) is offered to its page cache
 *    once rendered, until the moment the page said it stops holding (PAGE_EXPIRES_HEADER, taken
 *    off here); private, cookie-setting or failed responses never are.
 */
const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Below this, the headers of a compressed answer cost more than they save. */
const COMPRESS_MIN_BYTES = 1024

/**
 * A page the page cache does not answer (the sign-up form, which carries a token of its own; a
 * manage page; a page's first render) is compressed here: the sign-up form's 33 KB are 9 KB in
 * brotli, half a second less on a 400 kbps phone. Fast settings (about a millisecond a page);
 * the cache keeps its own, stronger variants. Answers to GET only: a form's answer repeats what
 * was typed into it and stays as it is.
 */
async function compressed(body: Uint8Array, encoding: 'br' | 'gzip'): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await compress(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding, 'fast'))
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi
/** The hash of each inline script seen: the same few (one per build and island directive) come back on every page. */
const scriptHashOf = new Map<string, string>()

function inlineScriptHashes(html: string): string[] {
  if (!html.includes('<script')) return []
  const found = new Set<string>()
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const text = m[1] ?? ''
    if (!text) continue
    let hash = scriptHashOf.get(text)
    if (!hash) {
      if (scriptHashOf.size > 200) scriptHashOf.clear()
      hash = `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
      scriptHashOf.set(text, hash)
    }
    found.add(hash)
  }
  return [...found]
}

/** A write sent from another site (any content type, not only forms): refused before it is read. */
function crossOrigin(request: Request, url: URL, siteURL: string): boolean {
  if (READ_ONLY.has(request.method)) return false
  const allowed = new Set([url.origin])
  try {
    allowed.add(new URL(siteURL).origin)
  } catch {
    // no configured origin: the request's own origin only
  }
  const origin = request.headers.get('origin')
  if (origin) return !allowed.has(origin)
  return request.headers.get('sec-fetch-site') === 'cross-site'
}

export const onRequest = defineMiddleware(async (context, next) => {
  if (crossOrigin(context.request, context.url, context.locals.siteURL)) {
    const vi = langFromPath(context.url.pathname) === 'vi'
    return new Response(vi ? 'Yêu cầu từ trang web khác bị từ chối.' : 'Requests from other sites are refused.', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
  let response: Response
  try {
    response = await next()
  } catch (err) {
    if (isConnectionError(err)) return unavailableResponse(langFromPath(context.url.pathname))
    throw err
  }
  if (!/^text\/html/.test(response.headers.get('content-type') ?? '') && !context.locals.cacheSlot) return response
  const body = new Uint8Array(await response.arrayBuffer())
  const headers = new Headers(response.headers)
  const expiresAt = pageExpiry(headers)
  headers.delete(PAGE_EXPIRES_HEADER)
  const html = /^text\/html/.test(headers.get('content-type') ?? '')
  if (html) {
    const hashes = inlineScriptHashes(new TextDecoder().decode(body))
    if (hashes.length) headers.set('content-security-policy', siteCsp(hashes))
  }
  const slot = context.locals.cacheSlot
  const cacheControl = headers.get('cache-control') ?? ''
  if (
    slot &&
    response.status === 200 &&
    !headers.has('set-cookie') &&
    !/private|no-store/.test(cacheControl) &&
    CACHEABLE_TYPES.test(headers.get('content-type') ?? '')
  ) {
    await slot.store({ status: response.status, headers, body, expiresAt })
  }
  const encoding = html && context.request.method === 'GET' && body.byteLength >= COMPRESS_MIN_BYTES && !headers.has('content-encoding') ? pickEncoding(context.request.headers.get('accept-encoding') ?? undefined) : null
  if (!encoding) return new Response(body, { status: response.status, statusText: response.statusText, headers })
  headers.set('content-encoding', encoding)
  headers.append('vary', 'Accept-Encoding')
  headers.delete('content-length')
  return new Response(await compressed(body, encoding), { status: response.status, statusText: response.statusText, headers })
})
