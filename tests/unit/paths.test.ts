/** Request paths: read on our own origin only, one canonical form per page, one cache entry per page. */
import { describe, expect, it } from 'vitest'
import { PageCache } from '../../server/page-cache'
import { canonicalPath, requestTarget } from '../../server/paths'

describe('request paths', () => {
  it('reads a target that starts with // or /\\ as a path on this origin, never as a host', () => {
    expect(requestTarget('//evil.example')).toEqual({ pathname: '//evil.example', search: '' })
    expect(requestTarget('/\\evil.example/x?y=1')).toEqual({ pathname: '//evil.example/x', search: '?y=1' })
    expect(requestTarget('/chien-dich/?page=2')).toEqual({ pathname: '/chien-dich/', search: '?page=2' })
    expect(requestTarget('*')).toBeNull()
  })

  it('has one canonical form: single slashes, unreserved characters decoded, other escapes kept (upper-cased)', () => {
    expect(canonicalPath('//evil.example')).toBe('/evil.example')
    expect(canonicalPath('/chien-dich//')).toBe('/chien-dich/')
    expect(canonicalPath('/%63hien-dich/')).toBe('/chien-dich/')
    expect(canonicalPath('/%2Fevil.example/')).toBe('/%2Fevil.example/')
    expect(canonicalPath('/%5cevil.example/')).toBe('/%5Cevil.example/')
    expect(canonicalPath('/tin-tuc/chi%e1%ba%bfn/')).toBe('/tin-tuc/chi%E1%BA%BFn/')
    expect(canonicalPath('/chien-dich/')).toBe('/chien-dich/')
    for (const p of ['//a//b', '/%63%2f/', '/%2541/']) expect(canonicalPath(canonicalPath(p))).toBe(canonicalPath(p))
  })
})

describe('page cache keys', () => {
  const page = { status: 200, headers: new Headers({ 'content-type': 'text/html' }), body: new TextEncoder().encode('<p>trang</p>') }

  it('finds and fills one entry for every spelling of a path, so variants do not push real pages out', async () => {
    const cache = new PageCache({ maxEntries: 2, ttlMs: 60_000 })
    expect(await cache.slot('/chien-dich/').store(page)).toBe(true)
    expect(await cache.slot('/tin-tuc/').store(page)).toBe(true)
    for (const variant of ['/chien-dich//', '/%63hien-dich/', '//chien-dich/']) {
      expect(cache.get(variant)?.body.toString(), variant).toBe('<p>trang</p>')
      await cache.slot(variant).store(page)
    }
    expect(cache.size).toBe(2)
    expect(cache.get('/tin-tuc/')?.status).toBe(200)
    expect(cache.get('/chien-dich/')?.status).toBe(200)
  })
})
