/**
 * A kept page as a browser gets it over real HTTP: each encoding with its own length, the
 * site's and the page's own headers, 304 for a known ETag, nothing in the body for HEAD. How
 * long a page is kept: until content changes (contest entries included), until the moment its
 * own answer says it stops holding (a contest's countdown at midnight, its phase at the
 * deadline), and never past the cache's ttl.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clearOnContentChange, PAGE_EXPIRES_HEADER, PageCache, pageExpiry, sendCached } from '../../server/page-cache'
import { announceContentChange } from '../../cms/services/content-events'
import { contestPagesHoldUntil } from '../../site/lib/contest-time'

const SITE = { 'x-frame-options': 'DENY', 'cache-control': 'no-cache' }
const html = `<!doctype html><p>${'Trang chủ '.repeat(200)}</p>`

describe('sending a kept page', () => {
  const cache = new PageCache()
  let server: http.Server
  let base = ''

  beforeAll(async () => {
    await cache.slot('/').store({ status: 200, headers: new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' }), body: new TextEncoder().encode(html) })
    server = http.createServer((req, res) => {
      const page = cache.get('/')
      if (page) sendCached(req, res, page, SITE)
      else res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const get = (headers: Record<string, string>, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .request(base, { method, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
        .end()
    })

  it('sends each encoding with its own length, twice alike', async () => {
    for (let round = 0; round < 2; round++) {
      const br = await get({ 'accept-encoding': 'gzip, br' })
      expect(br.headers['content-encoding']).toBe('br')
      expect(Number(br.headers['content-length'])).toBe(br.body.byteLength)
      expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html)
      const gz = await get({ 'accept-encoding': 'gzip' })
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(zlib.gunzipSync(gz.body).toString()).toBe(html)
      const plain = await get({})
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(html)
      expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(html))
      // the site's headers, with the page's own winning where both speak
      expect(plain.headers).toMatchObject({ 'x-frame-options': 'DENY', 'cache-control': 'public, max-age=60', 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Encoding', 'x-cache': 'hit' })
    }
  })

  it('answers 304 to its ETag and sends no body for HEAD', async () => {
    const first = await get({ 'accept-encoding': 'br' })
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get({ 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    expect(again.headers.etag).toBe(etag)
    const head = await get({ 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.byteLength).toBe(0)
    expect(head.headers['content-length']).toBe(first.headers['content-length'])
  })
})

describe('how long a page is kept', () => {
  const page = (headers: Record<string, string> = {}) => ({ status: 200, headers: new Headers({ 'content-type': 'text/html; charset=utf-8', ...headers }), body: new TextEncoder().encode('<p>Còn 12 ngày</p>') })
  const clock = (start: number) => {
    const at = { now: start }
    return { at, now: () => at.now }
  }

  it("keeps a contest's page until its next midnight or deadline, whichever comes first, then renders it again", async () => {
    // 14:00 in Vietnam on 15 May 2027; the deadline is 17:00 the same day
    const t = clock(Date.parse('2027-05-15T07:00:00.000Z'))
    const cache = new PageCache({ maxEntries: 10, ttlMs: 24 * 3600 * 1000 }, t.now)
    const until = contestPagesHoldUntil([{ opensAt: '2026-11-20T00:00:00.000Z', closesAt: '2027-05-15T10:00:00.000Z' }], new Date(t.at.now))
    expect(new Date(until).toISOString()).toBe('2027-05-15T10:00:00.000Z')
    const headers = new Headers({ [PAGE_EXPIRES_HEADER]: String(until) })
    expect(pageExpiry(headers)).toBe(until)
    expect(await cache.slot('/cuoc-thi/uoc-mo/').store({ ...page(), expiresAt: pageExpiry(headers) })).toBe(true)
    t.at.now = until - 1
    expect(cache.get('/cuoc-thi/uoc-mo/')?.status).toBe(200)
    t.at.now = until // 17:00: the phase is "judging" now, the kept "open" page must go
    expect(cache.get('/cuoc-thi/uoc-mo/')).toBeUndefined()
    expect(cache.size).toBe(0)

    // the day before, the countdown changes at midnight first
    const dayBefore = new Date('2027-05-14T07:00:00.000Z')
    expect(new Date(contestPagesHoldUntil([{ closesAt: '2027-05-15T10:00:00.000Z' }], dayBefore)).toISOString()).toBe('2027-05-14T17:00:00.000Z')
  })

  it('does not keep a page whose moment has already passed, nor beyond the ttl, and ignores a malformed header', async () => {
    const t = clock(1_000_000)
    const cache = new PageCache({ maxEntries: 10, ttlMs: 60_000 }, t.now)
    expect(await cache.slot('/a/').store({ ...page(), expiresAt: 1_000_000 })).toBe(false)
    expect(cache.size).toBe(0)
    expect(await cache.slot('/b/').store({ ...page(), expiresAt: 5_000_000 })).toBe(true)
    t.at.now = 1_060_000
    expect(cache.get('/b/')).toBeUndefined()
    expect(pageExpiry(new Headers({ [PAGE_EXPIRES_HEADER]: 'tomorrow' }))).toBeNull()
    expect(pageExpiry(new Headers())).toBeNull()
  })

  it("is cleared when a contest entry changes (the contest page counts entries received), and stops listening when told", async () => {
    const cache = new PageCache()
    const stop = clearOnContentChange(cache)
    await cache.slot('/cuoc-thi/uoc-mo/').store(page())
    expect(cache.size).toBe(1)
    announceContentChange({ source: 'entries', id: 7 })
    expect(cache.size).toBe(0)
    // a render that began before the change does not put its stale page back
    const slot = cache.slot('/cuoc-thi/')
    announceContentChange({ source: 'entries', id: 8 })
    expect(await slot.store(page())).toBe(false)
    stop()
    await cache.slot('/cuoc-thi/').store(page())
    announceContentChange({ source: 'entries', id: 9 })
    expect(cache.size).toBe(1)
  })
})
