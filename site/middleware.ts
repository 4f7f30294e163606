import { defineMiddleware } from 'astro:middleware'
import { isConnectionError } from './lib/cms'
import { unavailableResponse } from './lib/unavailable'
import { langFromPath } from './i18n/routes'

const CACHEABLE_TYPES = /^(text\/html|application\/xml|application\/rss\+xml|text\/xml|text\/plain)/

/**
 * 1. A page that cannot reach the database answers 503 with the hotline, not a bare error.
 * 2. A public page the server marked cacheable (locals.cacheSlot) is offered to its page cache
 *    once rendered; private, cookie-setting or failed responses never are.
 */
export const onRequest = defineMiddleware(async (context, next) => {
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
