/** The public site in a real browser: Vietnamese first, English at /en/, hotline everywhere, no JavaScript. */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

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
  })
})
