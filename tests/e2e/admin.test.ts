/**
 * Staff in the admin, in a real browser: an editor drafts a campaign that stays invisible on the
 * site (page, list, sitemap, REST, GraphQL), publishes it and sees it appear; a forgotten password
 * is reset through an email received by a real SMTP server on loopback.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toSlug } from '../../cms/services/slug'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { freePort } from '../helpers/ports'
import { type RunningServer, startServer } from '../helpers/server'
import { createSmtp, type TestSmtp } from '../helpers/smtp'

const skip = browserSkipReason()
const DEMO_PASSWORD = 'demo-2026-tre-em'

describe.skipIf(skip)('admin', () => {
  let server: RunningServer
  let smtp: TestSmtp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    await smtp.start()
    ;[server, browser] = await Promise.all([startServer({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } }), launchBrowser()])
    context = await browser.newContext({ locale: 'vi-VN' })
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.stop()
  })

  const login = async (p: Page, email: string, password: string) => {
    await p.goto(`${server.url}/admin/login`, { waitUntil: 'networkidle' })
    await p.locator('#field-email').fill(email)
    await p.locator('#field-password').fill(password)
    await p.locator('button[type="submit"]').click()
    await p.waitForURL((u) => !u.pathname.startsWith('/admin/login'), { timeout: 30_000 })
  }

  const publicView = async (slug: string, title: string) => {
    const page = await fetch(`${server.url}/chien-dich/${slug}/`)
    const list = await (await fetch(`${server.url}/chien-dich/`)).text()
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const rest = (await (await fetch(`${server.url}/api/campaigns?where[slug][equals]=${slug}&draft=true`)).json()) as { totalDocs: number }
    const gql = (await (
      await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ Campaigns(draft: true, where: { slug: { equals: "${slug}" } }) { docs { id title } } }` }),
      })
    ).json()) as { data?: { Campaigns?: { docs: unknown[] } } }
    return {
      page: page.status,
      inList: list.includes(title),
      inSitemap: sitemap.includes(`/chien-dich/${slug}/`),
      rest: rest.totalDocs,
      graphql: gql.data?.Campaigns?.docs.length,
    }
  }

  it('an editor drafts a campaign that stays off the site, then publishes it', async () => {
    await login(page, 'editor@demo.treem.vn', DEMO_PASSWORD)
    const title = `Chiến dịch thử nghiệm ${Date.now()}`
    const slug = toSlug(title)
    await page.goto(`${server.url}/admin/collections/campaigns/create`, { waitUntil: 'networkidle' })
    await page.locator('#field-title').fill(title)
    await page.locator('#field-year').fill('2030')
    await page.locator('#field-theme').fill('Trẻ em an toàn mùa hè')
    await page.locator('#action-save-draft').click()
    await page.waitForURL(/\/admin\/collections\/campaigns\/\d+/, { timeout: 30_000 })
    const id = /campaigns\/(\d+)/.exec(page.url())?.[1]
    expect(id).toBeTruthy()

    // a draft: not on the page, the list, the sitemap, REST or GraphQL
    expect(await publicView(slug, title)).toEqual({ page: 404, inList: false, inSitemap: false, rest: 0, graphql: 0 })
    expect((await fetch(`${server.url}/api/campaigns/${id}?draft=true`)).status).toBeGreaterThanOrEqual(403)

    // the editor can preview the draft on the site; the public cannot
    const preview = await page.goto(`${server.url}/preview/campaigns/${id}?locale=vi`)
    expect(preview?.status()).toBe(200)
    await expect(page.locator('.preview-banner').textContent()).resolves.toContain('Bản xem trước')
    await expect(page.locator('h1').first().textContent()).resolves.toBe(title)
    expect((await fetch(`${server.url}/preview/campaigns/${id}?locale=vi`)).status).toBe(404)
    await page.goto(`${server.url}/admin/collections/campaigns/${id}`, { waitUntil: 'networkidle' })

    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await publicView(slug, title)).page, { timeout: 30_000 })
      .toBe(200)
    expect(await publicView(slug, title)).toEqual({ page: 200, inList: true, inSitemap: true, rest: 1, graphql: 1 })
    const html = await (await fetch(`${server.url}/chien-dich/${slug}/`)).text()
    expect(html).toContain('Trẻ em an toàn mùa hè')
    expect(html).toContain('1 – 30 tháng 6, 2030'.replace(/ – /, '\u2009–\u2009'))
  })

  it('speaks Vietnamese to staff whatever their browser language', async () => {
    const english = await browser.newContext({ locale: 'en-US' })
    const p = await english.newPage()
    await p.goto(`${server.url}/admin/login`, { waitUntil: 'networkidle' })
    await expect(p.locator('button[type="submit"]').textContent()).resolves.toContain('Đăng nhập')
    await english.close()
  })

  it('a forgotten password is reset through the emailed link', async () => {
    const other = await browser.newContext({ locale: 'vi-VN' })
    const p = await other.newPage()
    await p.goto(`${server.url}/admin/forgot`, { waitUntil: 'networkidle' })
    await p.locator('#field-email').fill('judge@demo.treem.vn')
    await p.locator('button[type="submit"]').click()
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to ?? '').includes('judge@demo.treem.vn'), 60_000)
    expect(mail.subject).toBe('Đặt lại mật khẩu / Reset your password')
    const link = /href="([^"]+\/admin\/reset\/[^"]+)"/.exec(mail.html || '')?.[1]
    expect(link?.startsWith(`${server.url}/admin/reset/`)).toBe(true)

    await p.goto(link ?? '', { waitUntil: 'networkidle' })
    await p.locator('#field-password').fill('mat-khau-moi-2026')
    await p.locator('#field-confirm-password').fill('mat-khau-moi-2026')
    await p.locator('button[type="submit"]').click()
    await p.waitForURL((u) => !u.pathname.includes('/reset/'), { timeout: 30_000 })
    await other.close()

    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'judge@demo.treem.vn', password: 'mat-khau-moi-2026' }),
    })
    expect(res.status).toBe(200)
  })
})
