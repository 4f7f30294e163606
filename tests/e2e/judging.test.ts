/**
 * Judging in a real browser against the built server with the demo content: the demo judge
 * opens /admin/judging, sees the open contest's entries by code with their pictures — and no
 * child's name, school or sender anywhere on the page or in a picture's address — scores one and
 * then sees the jury's scores for it; an organiser's results page shows the same entry with the
 * child's name. Entries are sent through the real entry service, in this process, on the
 * server's database and media folder.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

const skip = browserSkipReason()
const DEMO_PASSWORD = 'demo-2026-tre-em'
const OPEN_CONTEST = 'uoc-mo-cua-em-2027'
/** What the judge must never see: the children's and senders' names, the school. */
const PRIVATE = ['Đinh Thị', 'Kín Đáo', 'Bí Mật', 'Đinh Văn Gửi', '0912345678', 'Trường Tiểu học Giấu Tên']

describe.skipIf(skip)('judging in the admin', () => {
  let server: RunningServer
  let browser: Browser
  let payload: Payload
  let contestId: number
  const codes: string[] = []

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    Object.assign(process.env, { DATABASE_URL: `file:${server.dir}/site.db`, SERVER_URL: server.url, MEDIA_DIR: `${server.dir}/media`, MAIL_DIR: `${server.dir}/mail`, APP_ENV: 'test' })
    const [{ startPayload }, { submitEntry }, { ZEntry }, { env }] = await Promise.all([
      import('../../cms/bootstrap'),
      import('../../cms/services/entries'),
      import('../../cms/schemas/entry'),
      import('../../cms/env'),
    ])
    payload = await startPayload()
    const contest = (await payload.find({ collection: 'contests', where: { slug: { equals: OPEN_CONTEST } }, limit: 1, depth: 0 })).docs[0]
    const area = (await payload.find({ collection: 'areas', where: { code: { equals: 'tay-ninh-tan-an' } }, limit: 1, depth: 0 })).docs[0]
    if (!contest || !area) throw new Error('demo content missing')
    contestId = contest.id
    for (const [i, given] of ['Kín Đáo', 'Bí Mật'].entries()) {
      const picture = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 40 + i * 100, g: 150, b: 90 } } }).jpeg().toBuffer()
      const outcome = await submitEntry(
        payload,
        ZEntry.parse({
          contestId: contest.id,
          idempotencyKey: `e2e-judging-${Date.now()}-${i}`,
          title: `Ước mơ làm bác sĩ ${i + 1}`,
          statement: 'Em muốn chữa bệnh cho mọi người.',
          child: { familyName: 'Đinh Thị', givenName: given, birthDate: '2018-03-01', school: 'Trường Tiểu học Giấu Tên', className: '3A', area: String(area.id) },
          contact: { name: 'Đinh Văn Gửi', phone: '0912345678' },
          consent: { participation: true, childAssent: true, publication: false, publicationChild: false },
        }),
        picture,
        { secret: env().secret, mediaDir: env().mediaDir },
      )
      if (outcome.kind !== 'accepted') throw new Error(`entry refused: ${outcome.kind}`)
      codes.push(outcome.entryCode)
    }
  })
  afterAll(async () => {
    await payload?.destroy()
    await browser?.close()
    await server?.stop()
  })

  const signIn = async (email: string, path: string): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await page.goto(`${server.url}/admin/login?redirect=${encodeURIComponent(path)}`, { waitUntil: 'networkidle' })
    await page.locator('#field-email').fill(email)
    await page.locator('#field-password').fill(DEMO_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((u) => `${u.pathname}${u.search}` === path, { timeout: 30_000 })
    return page
  }

  it('the judge sees the entries by code with their pictures and no child\u2019s name, scores one, then sees the jury\u2019s scores', async () => {
    const page = await signIn('judge@demo.treem.vn', `/admin/judging?contest=${contestId}`)
    await expect(page.locator('[data-testid="judging-progress"]').textContent()).resolves.toBe('Đã chấm 0/2')
    const shown = (await page.locator('.judging-entry [data-entry-code]').getAttribute('data-entry-code')) ?? ''
    expect(codes).toContain(shown)
    // the picture loaded, from an address that says nothing of the child
    const img = page.locator('.judging-picture img')
    await expect.poll(() => img.evaluate((el) => (el instanceof HTMLImageElement ? el.naturalWidth : 0)), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await img.getAttribute('src')).toMatch(/^\/api\/entries\/\d+\/picture\?size=large$/)
    const html = await page.content()
    for (const secret of PRIVATE) expect(html).not.toContain(secret)

    const axe = await new AxeBuilder({ page }).include('.staff-tools').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])

    // the open contest's first round is a yes/no shortlist
    await page.getByLabel('Có', { exact: true }).check()
    await page.getByLabel('Nhận xét (không bắt buộc)').fill('Bố cục rõ ràng')
    await page.getByRole('button', { name: 'Gửi phiếu chấm' }).click()
    const scores = page.locator('[data-testid="jury-scores"]')
    await scores.waitFor({ timeout: 30_000 })
    await expect(scores.locator('tbody tr').first().textContent()).resolves.toContain('Bạn')
    await expect(scores.textContent()).resolves.toContain('Bố cục rõ ràng')
    await expect(page.locator('[data-testid="judging-progress"]').textContent()).resolves.toBe('Đã chấm 1/2')
    for (const secret of PRIVATE) expect(await page.content()).not.toContain(secret)

    // the list shows the other entry; the navigation links to the judging page
    await page.goto(`${server.url}/admin/judging?contest=${contestId}&mode=list`, { waitUntil: 'networkidle' })
    await expect(page.locator('.judging-grid li').count()).resolves.toBe(1)
    await expect(page.locator('#nav-judging').count()).resolves.toBe(1)
    await expect(page.locator('#nav-contest-results').count()).resolves.toBe(0)
    for (const secret of PRIVATE) expect(await page.content()).not.toContain(secret)
  })

  it('the organisers\u2019 results page shows the entries with the children\u2019s names and the judge\u2019s score', async () => {
    const page = await signIn('editor@demo.treem.vn', `/admin/contest-results?contest=${contestId}`)
    const rows = page.locator('table[data-category] tbody tr')
    await expect(rows.count()).resolves.toBe(2)
    const text = (await page.locator('.staff-tools').textContent()) ?? ''
    expect(text).toContain('Đinh Thị Kín Đáo')
    expect(text).toContain('Phạm Giám Khảo')
    await expect(page.getByRole('button', { name: 'Khoá vòng' }).count()).resolves.toBe(1)
  })
})
