/**
 * Rendered public pages kept in memory with gzip and brotli variants, served without touching
 * Astro or the database until the content they show changes. The CMS's change hooks clear it
 * (see cms/services/content-events.ts, `clearOnContentChange`); entries also expire after
 * `ttlMs` so date-driven content (which campaign is "current") moves on by itself. A page that
 * changes at a known moment without any content changing — a contest's countdown at midnight,
 * its phase at the deadline — says until when it holds in the PAGE_EXPIRES_HEADER of its
 * answer (epoch milliseconds); the page is kept no longer than that, and the header is taken
 * off before the answer leaves the server (site/middleware.ts).
 *
 * A render that started before a change must not store its stale result: every slot carries
 * the cache generation it was opened in, and `clear()` moves to a new generation.
 *
 * Entries are keyed by the canonical path (server/paths.ts): every spelling of a page's path
 * finds, and fills, the one entry, so path variants can neither render a page again nor push
 * real pages out. (The server also redirects such variants before they get here.)
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { compress, pickEncoding } from './compress'
import { canonicalPath } from './paths'
import { onContentChange } from '../cms/services/content-events'

/** A page's own expiry (epoch milliseconds), read by the server and never sent on. */
export const PAGE_EXPIRES_HEADER = 'x-page-expires'

/** The moment a page stops holding, as its answer states it (null: none stated or malformed). */
export function pageExpiry(headers: Headers): number | null {
  const raw = headers.get(PAGE_EXPIRES_HEADER)
  if (raw === null || !/^\d{1,15}$/.test(raw.trim())) return null
  return Number(raw.trim())
}

export type CachedPage = {
  status: number
  headers: Record<string, string>
  body: Buffer
  gzip: Buffer
  br: Buffer
  etag: string
  expires: number
}

export type CacheSlot = {
  /**
   * Offers a freshly rendered page; it is kept only if nothing changed since the slot opened,
   * until `expiresAt` (epoch ms) when the page gives one, and never past the cache's `ttlMs`.
   */
  store(page: { status: number; headers: Headers; body: Uint8Array; expiresAt?: number | null }): Promise<boolean>
}

// the page's own Content-Security-Policy carries the hashes of its inline scripts
const KEPT_HEADERS = ['content-type', 'content-language', 'cache-control', 'content-security-policy']

export class PageCache {
  readonly #entries = new Map<string, CachedPage>()
  #generation = 0
  readonly #now: () => number
  constructor(
    readonly options: { maxEntries: number; ttlMs: number } = { maxEntries: 2000, ttlMs: 5 * 60 * 1000 },
    /** the clock (tests move it) */
    now: () => number = Date.now,
  ) {
    this.#now = now
  }

  get size(): number {
    return this.#entries.size
  }

  get(path: string, now = this.#now()): CachedPage | undefined {
    const key = canonicalPath(path)
    const page = this.#entries.get(key)
    if (!page) return undefined
    if (page.expires <= now) {
      this.#entries.delete(key)
      return undefined
    }
    // least-recently-used order: move to the end
    this.#entries.delete(key)
    this.#entries.set(key, page)
    return page
  }

  clear(): void {
    this.#generation++
    this.#entries.clear()
  }

  slot(path: string): CacheSlot {
    const key = canonicalPath(path)
    const generation = this.#generation
    return {
      store: async ({ status, headers, body, expiresAt }) => {
        if (generation !== this.#generation) return false
        if (expiresAt != null && expiresAt <= this.#now()) return false
        const buf = Buffer.from(body)
        const [gz, br] = await Promise.all([compress(buf, 'gzip', 'strong'), compress(buf, 'br', 'strong')])
        if (generation !== this.#generation) return false
        const kept: Record<string, string> = {}
        for (const name of KEPT_HEADERS) {
          const value = headers.get(name)
          if (value) kept[name] = value
        }
        this.#entries.set(key, {
          status,
          headers: kept,
          body: buf,
          gzip: gz,
          br,
          etag: `"${createHash('sha1').update(buf).digest('base64url')}"`,
          expires: Math.min(this.#now() + this.options.ttlMs, expiresAt ?? Number.POSITIVE_INFINITY),
        })
        while (this.#entries.size > this.options.maxEntries) {
          const oldest = this.#entries.keys().next().value
          if (oldest === undefined) break
          this.#entries.delete(oldest)
        }
        return true
      },
    }
  }
}

/**
 * Clears the cache on every content change the CMS announces — documents, seats, pledges, and
 * contest entries (source 'entries': a contest page counts the entries received). Returns the
 * function that stops listening.
 */
export function clearOnContentChange(cache: PageCache): () => void {
  return onContentChange(() => cache.clear())
}

type Encoding = 'br' | 'gzip' | 'identity'
/** Each page's response headers, made once per encoding (flat [name, value, …] lists, as `writeHead` takes them). */
const prepared = new WeakMap<CachedPage, Map<string, string[]>>()

function headersFor(page: CachedPage, extraHeaders: Record<string, string>, encoding: Encoding | 'not-modified'): string[] {
  let byEncoding = prepared.get(page)
  if (!byEncoding) prepared.set(page, (byEncoding = new Map()))
  let list = byEncoding.get(encoding)
  if (!list) {
    const headers: Record<string, string> = { ...extraHeaders, ...page.headers, etag: page.etag, vary: 'Accept-Encoding', 'x-cache': 'hit' }
    if (encoding === 'br' || encoding === 'gzip') headers['content-encoding'] = encoding
    if (encoding !== 'not-modified') headers['content-length'] = String(bodyOf(page, encoding).length)
    list = Object.entries(headers).flat()
    byEncoding.set(encoding, list)
  }
  return list
}

const bodyOf = (page: CachedPage, encoding: Encoding) => (encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body)

/** Sends a kept page; `extraHeaders` must be the same object on every call (the headers are made once per page). */
export function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, extraHeaders: Record<string, string>): void {
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headersFor(page, extraHeaders, 'not-modified'))
    res.end()
    return
  }
  const encoding = pickEncoding(req.headers['accept-encoding']) ?? 'identity'
  res.writeHead(page.status, headersFor(page, extraHeaders, encoding))
  res.end(req.method === 'HEAD' ? undefined : bodyOf(page, encoding))
}
