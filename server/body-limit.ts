/**
 * Request body limits, applied by the server before Next, Payload or Astro reads a byte: a
 * declared Content-Length over the limit is answered 413 at once, and a body sent without one
 * (chunked) is counted as it arrives and cut off with a 413 the moment it passes the limit.
 * What goes to Next (the admin and the API) is held to `bodyLimitOf`; what goes to the public
 * site to `siteBodyLimit` (the entry form's upload, every other Astro Action, any other body).
 * The limits themselves are in cms/limits.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { t } from '../cms/i18n/messages'
import { BODY_LIMITS, formatBytes } from '../cms/limits'

export function bodyLimitOf(req: IncomingMessage): number {
  return /^multipart\//i.test(req.headers['content-type'] ?? '') ? BODY_LIMITS.apiMultipart : BODY_LIMITS.apiBody
}

/** The Astro Actions that take a picture (the contest entry form): the only ones allowed publicUpload (site/actions/index.ts). */
export const UPLOAD_ACTIONS: ReadonlySet<string> = new Set(['submitEntry'])

/** The server's own mark on a form post it refused as too large (a copy a client sent is always removed): its value is the limit. */
export const BODY_REFUSED_HEADER = 'x-body-refused'

export type SiteBody = {
  limit: number
  /** an entry upload, another Astro Action, or any other body */
  kind: 'upload' | 'action' | 'other'
  /** the action the request calls, if any */
  action: string | null
  /** called through Astro's RPC endpoint (/_actions/<name>) rather than posted by a page's form (?_action=<name>) */
  rpc: boolean
}

/**
 * How large the body of a request to the public site may be. Astro runs an action named by
 * `/_actions/<name>` or, for a form posted to a page, by `?_action=<name>`: the entry form's
 * action gets publicUpload, every other action publicForm (a 300 KB sign-up is refused as before),
 * and any other body siteBody.
 */
export function siteBodyLimit(pathname: string, search: string): SiteBody {
  const rpc = /^\/_actions\/(.+?)\/?$/.exec(pathname)
  let action: string | null = null
  if (rpc) {
    try {
      action = decodeURIComponent(rpc[1] ?? '')
    } catch {
      action = rpc[1] ?? ''
    }
  } else if (search) action = new URLSearchParams(search).get('_action')
  if (action === null) return { limit: BODY_LIMITS.siteBody, kind: 'other', action, rpc: false }
  return UPLOAD_ACTIONS.has(action) ? { limit: BODY_LIMITS.publicUpload, kind: 'upload', action, rpc: Boolean(rpc) } : { limit: BODY_LIMITS.publicForm, kind: 'action', action, rpc: Boolean(rpc) }
}

/** Whether a request carries a body the limits apply to (anything but a read). */
export const sendsBody = (method: string | undefined): boolean => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'

/** True when the declared length is already too much: answer 413 without reading the body. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const length = req.headers['content-length']
  return length !== undefined && Number(length) > limit
}

/** The 413 answer, in the staff member's admin language (Payload's language cookie), Vietnamese by default. */
export function sendTooLarge(req: IncomingMessage, res: ServerResponse, limit: number, headers: Record<string, string>): void {
  const lang = /(?:^|;\s*)payload-lng=en\b/.test(req.headers.cookie ?? '') ? 'en' : 'vi'
  const body = JSON.stringify({ errors: [{ message: t(lang, 'requestTooLarge', { max: formatBytes(limit) }) }] })
  // writes after this (a handler that was still reading) must not bring the process down
  res.on('error', () => undefined)
  if (!res.headersSent) {
    // close: the rest of the body is not read
    res.writeHead(413, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
  }
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * The 413 answer to a request for the public site the server refuses itself (an RPC call, a body
 * that is no action, a chunked body cut off): a line of text in the page's language. A form
 * posted to a page is refused through its page instead (server/app.ts), which says the same
 * beside the form.
 */
export function sendSiteTooLarge(req: IncomingMessage, res: ServerResponse, limit: number, headers: Record<string, string>, lang: 'vi' | 'en'): void {
  res.on('error', () => undefined)
  if (!res.headersSent) {
    res.writeHead(413, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
  }
  res.end(req.method === 'HEAD' ? undefined : t(lang, 'requestTooLarge', { max: formatBytes(limit) }))
}

/**
 * For a body without Content-Length: counts the bytes as Node's parser hands them to the request
 * stream, before any reader sees them, and calls `tooLarge` (once) instead of passing on the
 * chunk that goes past the limit; nothing after it is passed on either. (With a Content-Length
 * the parser itself never reads past the declared length.)
 */
export function countBody(req: IncomingMessage, limit: number, tooLarge: () => void): void {
  if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] === undefined) return
  const push = req.push.bind(req)
  let seen = 0
  let over = false
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (over) return false
    if (chunk !== null && chunk !== undefined) {
      seen += chunk instanceof Uint8Array ? chunk.byteLength : Buffer.byteLength(String(chunk), encoding)
      if (seen > limit) {
        over = true
        tooLarge()
        return false
      }
    }
    return push(chunk, encoding)
  }
}
