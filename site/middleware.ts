import { defineMiddleware } from 'astro:middleware'
import { isConnectionError } from './lib/cms'
import { unavailableResponse } from './lib/unavailable'
import { langFromPath } from './i18n/routes'

const CACHEABLE_TYPES = /^(text\/html|application\/xml|application\/rss\+xml|text\/xml|text\/plain)/

/**
 * 0. Writes (form posts, actions) from another origin are refused with 403.
 * 1. A page that cannot reach the database answers 503 with the hotline, not a bare error.
 * 2. A public page the server marked cacheable (locals.cacheSlot) is offered to its page cache
 *    once rendered; private, cookie-setting or failed responses never are.
 */
const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS'])

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
  const slot = context.locals.cacheSlot
  const cacheControl = response.headers.get('cache-control') ?? ''
  if (
    !slot ||
    response.status !== 200 ||
    response.headers.has('set-cookie') ||
    /private|no-store/.test(cacheControl) ||
    !CACHEABLE_TYPES.test(response.headers.get('content-type') ?? '')
  ) {
    return response
  }
  const body = new Uint8Array(await response.arrayBuffer())
  await slot.store({ status: response.status, headers: response.headers, body })
  return new Response(body, { status: response.status, headers: response.headers })
})
