/** The public site in a real browser: Vietnamese first, English at /en/, hotline everywhere, no JavaScript. */
import http from 'node:http'
import zlib from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'
import { matchRoute, ROUTES, type RouteName } from '../../site/i18n/routes'

const skip = browserSkipReason()

describe.skipIf(skip)('public site', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    page = await (await browser.newContext()).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('home leads with the current Action Month theme and the hotline 111, in Vietnamese', async () => {
    const res = await page.goto(`${server.url}/`)
    expect(res?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('vi')
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em')
    await expect(page.locator('.hotline-bar a[href="tel:111"]').textContent()).resolves.toBe('111')
    await expect(page.locator('body').textContent()).resolves.toContain('Thông điệp chính')
  })

  it('home in English at /en/', async () => {
    const res = await page.goto(`${server.url}/en/`)
    expect(res?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    const h1 = await page.locator('h1').first().textContent()
    expect(h1).not.toContain('Ưu tiên')
    expect(h1?.length).toBeGreaterThan(10)
    await expect(page.locator('.hotline-bar').textContent()).resolves.toContain('Call')
    await expect(page.locator('.hotline-bar a[href="tel:111"]').textContent()).resolves.toBe('111')
  })

  it('gives campaign pages Open Graph tags and hreflang alternates', async () => {
    await page.goto(`${server.url}/chien-dich/thang-hanh-dong-vi-tre-em-2025/`)
    const meta = (sel: string) => page.locator(sel).getAttribute('content')
    expect(await meta('meta[property="og:title"]')).toBe('Tháng hành động vì trẻ em năm 2025')
    expect(await meta('meta[property="og:locale"]')).toBe('vi_VN')
    expect(await meta('meta[property="og:image"]')).toMatch(new RegExp(`^${server.url}/api/media/file/.+\\.webp$`))
    expect(await page.locator('link[hreflang="en"]').getAttribute('href')).toBe(`${server.url}/en/campaigns/thang-hanh-dong-vi-tre-em-2025/`)
    const image = await fetch((await meta('meta[property="og:image"]')) ?? '')
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/webp')
  })

  it('serves public images like static files (ETag, a long cache, nosniff), the same bytes Payload stores, and nothing else that way', async () => {
    await page.goto(`${server.url}/chien-dich/thang-hanh-dong-vi-tre-em-2025/`)
    const url = (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? ''
    const image = await fetch(url)
    const bytes = Buffer.from(await image.arrayBuffer())
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000')
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    expect(image.headers.get('content-length')).toBe(String(bytes.byteLength))
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP')
    const etag = image.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)
    const again = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect((await again.arrayBuffer()).byteLength).toBe(0)
    // a name no public document holds, and one that climbs out of the folder: Payload answers, not the disk
    const name = new URL(url).pathname.split('/').pop() ?? ''
    for (const other of [`/api/media/file/x-${name}`, '/api/media/file/..%2F..%2Fpackage.json', '/api/users/file/anything.webp']) {
      const res = await fetch(`${server.url}${other}`)
      expect(res.status, other).not.toBe(200)
      expect(res.headers.get('cache-control') ?? '', other).not.toContain('max-age=31536000')
    }
  })

  it('publishes the news as RSS in each language', async () => {
    const vi = await (await fetch(`${server.url}/rss.xml`)).text()
    expect(vi).toContain('<language>vi-vn</language>')
    expect(vi.match(/<item>/g)?.length).toBeGreaterThanOrEqual(6)
    expect(vi).toContain(`${server.url}/tin-tuc/`)
    const en = await (await fetch(`${server.url}/en/rss.xml`)).text()
    expect(en).toContain(`${server.url}/en/news/`)
  })

  it('answers unknown pages and slugs with the 404 page, still showing 111', async () => {
    for (const path of ['/khong-co-trang-nay/', '/chien-dich/khong-co/', '/en/news/no-such-post/']) {
      const res = await page.goto(`${server.url}${path}`)
      expect(res?.status(), path).toBe(404)
      await expect(page.locator('.hotline-bar a[href="tel:111"]').count()).resolves.toBe(1)
    }
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found')
  })

  it('ships no JavaScript on content pages', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '')
    expect(urls.length).toBeGreaterThan(20)
    for (const url of urls) {
      const scripts: string[] = []
      const listener = (r: { resourceType(): string; url(): string }) => {
        if (r.resourceType() === 'script') scripts.push(r.url())
      }
      page.on('request', listener)
      const res = await page.goto(url)
      page.off('request', listener)
      expect(res?.status(), url).toBe(200)
      expect(await page.locator('script').count(), url).toBe(0)
      expect(scripts, url).toEqual([])
    }
  })

  it('keeps a slow phone’s first paint to the page: compressed even when rendered for one visitor, no icon request, nothing fetched at more than low priority', async () => {
    const raw = (path: string, method = 'GET') =>
      new Promise<{ encoding: string | undefined; bytes: number; html: string }>((resolve, reject) => {
        http
          .request(`${server.url}${path}`, { method, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              const body = Buffer.concat(chunks)
              const encoding = res.headers['content-encoding']
              try {
                const html = !body.byteLength ? body : encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body
                resolve({ encoding, bytes: body.byteLength, html: html.toString('utf8') })
              } catch (err) {
                reject(err instanceof Error ? err : new Error(String(err)))
              }
            })
          })
          .on('error', reject)
          .end()
      })
    const events = (await (await fetch(`${server.url}/sitemap.xml`)).text()).match(/\/su-kien\/[^/<]+\//g) ?? []
    let form: Awaited<ReturnType<typeof raw>> | null = null
    for (const event of events) {
      const answer = await raw(`${event}dang-ky/`)
      if (answer.html.includes('<form')) {
        form = answer
        break
      }
    }
    // the sign-up form carries a token of its own, so the page cache never answers it
    expect(form?.encoding).toBe('br')
    expect(form?.bytes).toBeLessThan((form?.html.length ?? 0) / 2)
    const home = await raw('/')
    expect(home.encoding).toBe('br')
    expect([...home.html.matchAll(/<link rel="icon" href="([^"]*)"/g)].map((m) => m[1]?.slice(0, 5))).toEqual(['data:'])
    expect((await raw('/', 'HEAD')).bytes).toBe(0)

    // a phone: the home page's title paints first; its hero, screens down, waits at low priority
    const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true })
    try {
      const tab = await phone.newPage()
      const cdp = await phone.newCDPSession(tab)
      const eager: string[] = []
      cdp.on('Network.requestWillBeSent', (e) => {
        if (e.type !== 'Document' && !['Low', 'VeryLow'].includes(e.request.initialPriority)) eager.push(`${e.request.initialPriority} ${e.request.url}`)
      })
      await cdp.send('Network.enable')
      await tab.goto(`${server.url}/`, { waitUntil: 'load' })
      expect(await tab.locator('link[rel="preload"][as="image"]').getAttribute('media')).toBe('(min-width: 52rem)')
      expect(eager).toEqual([])
    } finally {
      await phone.close()
    }
  })

  it('has no accessibility violations on any page of the sitemap, nor on the 404 page (axe, WCAG 2.1 AA)', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '')
    urls.push(`${server.url}/khong-co-trang-nay/`, `${server.url}/en/no-such-page/`)
    const found: string[] = []
    for (const url of urls) {
      await page.goto(url)
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
      for (const v of result.violations) found.push(`${url}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)
    }
    expect(found).toEqual([])
    // about 60 pages (the contests' among them, a results page with its gallery) at 1.5–3 s each on a busy 2-core box
  }, 300_000)

  it('serves the whole route table: every sitemap page answers 200, its language switch lands on its twin, every unknown path is 404', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>.*?<\/url>/g)].map((m) => ({
      loc: m[1] ?? '',
      twins: Object.fromEntries([...(m[0] ?? '').matchAll(/hreflang="(\w+)" href="([^"]+)"/g)].map((a) => [a[1], a[2]])),
    }))
    const seen = new Set<RouteName>()
    const problems: string[] = []
    for (const { loc, twins } of entries) {
      const path = new URL(loc).pathname
      const match = matchRoute(path)
      if (!match) {
        problems.push(`${path}: in the sitemap but no route`)
        continue
      }
      seen.add(match.name)
      const res = await fetch(loc)
      const html = await res.text()
      if (res.status !== 200) problems.push(`${path}: ${res.status}`)
      const other = match.lang === 'vi' ? 'en' : 'vi'
      const switchTo = /<a class="lang-switch" href="([^"]+)"/.exec(html)?.[1]
      if (`${server.url}${switchTo}` !== twins[other]) problems.push(`${path}: the language switch goes to ${switchTo}, the twin is ${twins[other]}`)
      const twin = await fetch(twins[other] ?? '')
      if (twin.status !== 200) problems.push(`${path}: its twin ${twins[other]} answers ${twin.status}`)
    }
    const listed = (Object.keys(ROUTES) as RouteName[]).filter((name) => 'sitemap' in ROUTES[name])
    expect(problems).toEqual([])
    expect([...seen].sort()).toEqual(listed.sort())
    const unknown = ['/khong-co/', '/en/nothing/', '/chien-dich/a/b/', '/tin-tuc/trang/999/', '/su-kien/khong-co/dang-ky/', '/en/events/none/sign-up/', '/quan-ly/ngan/', `/quan-ly/${'x'.repeat(43)}/`, '/en/rss.xml/x']
    for (const path of unknown) expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
  })
})
