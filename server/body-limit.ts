/**
 * Request body limits for what goes to Next (the admin and the API), applied before Next or
 * Payload reads a byte: a declared Content-Length over the limit is answered 413 at once, and a
 * body sent without one (chunked) is counted as it arrives and cut off with a 413 the moment it
 * passes the limit. The limits themselves are in cms/limits.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { t } from '../cms/i18n/messages'
import { BODY_LIMITS, formatBytes } from '../cms/limits'

export function bodyLimitOf(req: IncomingMessage): number {
  return /^multipart\//i.test(req.headers['content-type'] ?? '') ? BODY_LIMITS.apiMultipart : BODY_LIMITS.apiBody
}

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
