/**
 * A kept page as a browser gets it over real HTTP: each encoding with its own length, the
 * site's and the page's own headers, 304 for a known ETag, nothing in the body for HEAD.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PageCache, sendCached } from '../../server/page-cache'

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
