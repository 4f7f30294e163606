/**
 * The staff side in a real browser against the built server: a coordinator sees seats taken on
 * the dashboard, opens the QR code's address (after signing in, back to the same child), checks
 * the child in for today's session, ticks another child off the list, downloads the CSV from
 * the event's page and emails the registrants; every one of those is in the audit log. Children
 * are signed up through the real sign-up service, in this process, on the server's database.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Payload } from 'payload'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

const skip = browserSkipReason()
const DEMO_PASSWORD = 'demo-2026-tre-em'
const COORDINATOR = 'coordinator@demo.treem.vn'

describe.skipIf(skip)('staff: dashboard, check-in, export, emails', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let payload: Payload
  let eventId: number
  const refs: string[] = []

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    // This process opens the server's own database (SQLite in WAL mode takes two processes).
    Object.assign(process.env, { DATABASE_URL: `file:${server.dir}/site.db`, SERVER_URL: server.url, MEDIA_DIR: `${server.dir}/media`, MAIL_DIR: `${server.dir}/mail`, APP_ENV: 'test' })
    const [{ startPayload }, { signUp }, { vietnamDay }] = await Promise.all([
      import('../../cms/bootstrap'),
      import('../../cms/services/registrations'),
      import('../../cms/services/staff'),
    ])
    payload = await startPayload()
    const area = (await payload.find({ collection: 'areas', where: { code: { equals: 'tay-ninh-tan-an' } }, limit: 1 })).docs[0]
    const today = vietnamDay(new Date())
    const event = await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Lớp bơi kiểm thử điểm danh',
        slug: `lop-boi-diem-danh-${Date.now()}`,
        kind: 'swim-class',
        venue: 'Hồ bơi phường',
        area: area?.id ?? 0,
        sessions: [
          { date: today, start: '07:30', end: '09:00' },
          { date: '2099-01-02', start: '07:30', end: '09:00' },
        ],
        capacity: 2,
        eligibility: { minAge: 6, maxAge: 15 },
        consent: { guardian: 'Tôi đồng ý.', childAssent: 'Em đồng ý.' },
        organiser: { name: 'UBND phường Tân An' },
      },
    })
    eventId = event.id
    const res = await signUp(payload, {
      eventId,
      idempotencyKey: `e2e-staff-${Date.now()}`,
      submittedBy: 'guardian',
      guardian: { name: 'Trần Thị Mai', relationship: 'mother', phone: '+84912345678', email: 'me.mai@example.vn' },
      guardianConsent: true,
      children: [
        { familyName: 'Nguyễn', givenName: 'Bảo', birthDate: '2016-03-01', assent: true, photoConsent: false },
        { familyName: 'Nguyễn', givenName: 'Châu', birthDate: '2017-04-02', assent: true, photoConsent: false },
        { familyName: 'Nguyễn', givenName: 'Dũng', birthDate: '2018-05-03', assent: true, photoConsent: false },
      ],
    })
    for (const o of res.outcomes) if ('reference' in o) refs.push(o.reference)
    expect(res.outcomes.map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true })
    page = await context.newPage()
  })
  afterAll(async () => {
    await payload?.destroy()
    await browser?.close()
    await server?.stop()
  })

  const login = async (p: Page, email: string) => {
    await p.locator('#field-email').fill(email)
    await p.locator('#field-password').fill(DEMO_PASSWORD)
    await p.locator('button[type="submit"]').click()
  }

  it('the QR code’s address asks a signed-out coordinator to sign in, then shows the child and checks them in for today', async () => {
    await page.goto(`${server.url}/admin/check-in?ref=${refs[0]}`, { waitUntil: 'networkidle' })
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    await login(page, COORDINATOR)
    await page.waitForURL((u) => u.pathname === '/admin/check-in' && u.searchParams.get('ref') === refs[0], { timeout: 30_000 })

    const card = page.locator('.staff-card')
    await expect(card.locator('h2').textContent()).resolves.toBe('Bảo N.')
    await expect(card.locator('[data-status]').textContent()).resolves.toBe('Có chỗ')
    await expect(card.textContent()).resolves.toContain('Lớp bơi kiểm thử điểm danh')
    await expect(card.textContent()).resolves.not.toContain('Trần Thị Mai')

    await card.getByRole('button', { name: /Điểm danh buổi hôm nay \(buổi 1/ }).click()
    await expect.poll(() => card.locator('[data-status]').textContent(), { timeout: 15_000 }).toBe('Đã tham gia')
    await expect(card.textContent()).resolves.toContain('1 / 2')

    const axe = await new AxeBuilder({ page }).include('.staff-tools').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
  })

  it('a waitlisted child is refused with the reason', async () => {
    await page.goto(`${server.url}/admin/check-in?ref=${refs[2]}`, { waitUntil: 'networkidle' })
    await expect(page.locator('.staff-card [role="alert"]').textContent()).resolves.toBe('Trẻ đang trong danh sách chờ, chưa có chỗ: không thể điểm danh.')
    await expect(page.locator('.staff-card button').count()).resolves.toBe(0)
  })

  it('check-in by list: the seat holders of the event for the session, ticked off one by one', async () => {
    await page.goto(`${server.url}/admin/check-in?event=${eventId}&session=1`, { waitUntil: 'networkidle' })
    const rows = page.locator('.staff-table tbody tr')
    await expect(rows.count()).resolves.toBe(2)
    await expect(page.locator(`tr[data-reference="${refs[0]}"]`).textContent()).resolves.toContain('✓ Đã điểm danh')
    await page.getByRole('button', { name: 'Có mặt: Châu N.' }).click()
    await expect.poll(() => page.locator(`tr[data-reference="${refs[1]}"]`).textContent(), { timeout: 15_000 }).toContain('✓ Đã điểm danh')
    const stored = await payload.find({ collection: 'registrations', where: { reference: { equals: refs[1] } }, depth: 0 })
    expect(stored.docs[0]?.attendance?.map((a) => a.session)).toEqual([1])
  })

  it('the dashboard shows seats taken against capacity, with the waitlist', async () => {
    await page.goto(`${server.url}/admin`, { waitUntil: 'networkidle' })
    const row = page.locator(`tr[data-event="${eventId}"]`)
    await expect(row.locator('td').allTextContents()).resolves.toEqual(expect.arrayContaining(['2', '2', '1']))
    await expect(row.locator('[role="img"]').getAttribute('aria-label')).resolves.toBe('2 trên 2 chỗ đã có người, 1 trẻ đang chờ')
  })

  it('from the event’s page: the CSV download and an email to registrants, both logged', async () => {
    await page.goto(`${server.url}/admin/collections/events/${eventId}`, { waitUntil: 'networkidle' })
    const tools = page.locator('#staff-tools')
    const [download] = await Promise.all([page.waitForEvent('download'), tools.getByRole('link', { name: 'Tải CSV' }).click()])
    const path = await download.path()
    const bytes = await (await import('node:fs/promises')).readFile(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = bytes.toString('utf8')
    expect(csv).toContain('Mã đăng ký,Trạng thái,Số chỗ')
    for (const ref of refs) expect(csv).toContain(ref)

    await tools.getByLabel('Tiêu đề').fill('Nhắc lịch học bơi')
    await tools.getByLabel('Nội dung').fill('Các em mang theo kính bơi.')
    await tools.getByRole('button', { name: 'Xếp thư vào hàng gửi' }).click()
    await expect.poll(() => tools.locator('.staff-broadcast [role="status"]').textContent(), { timeout: 15_000 }).toBe('Đã xếp 1 thư để gửi.')

    const coordinator = (await payload.find({ collection: 'users', where: { email: { equals: COORDINATOR } }, limit: 1 })).docs[0]
    const log = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: coordinator?.id } }, { event: { equals: eventId } }] }, limit: 0, pagination: false, sort: 'createdAt' })
    const actions = new Set(log.docs.map((e) => e.action))
    expect([...actions].sort()).toEqual(['check-in', 'email-registrants', 'export-csv', 'read-list', 'read-one'])
  })

  it('a coordinator cannot rewrite a family’s consents or details over REST or GraphQL; the admin shows them read-only beside the operations', async () => {
    const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: COORDINATOR, password: DEMO_PASSWORD }) })
    const { token } = (await login.json()) as { token: string }
    const headers = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    const reg = (await payload.find({ collection: 'registrations', where: { reference: { equals: refs[2] } }, depth: 0 })).docs[0]
    if (!reg) throw new Error('no registration')
    const patch = await fetch(`${server.url}/api/registrations/${reg.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ consents: [], guardian: { name: 'Người Lạ', relationship: 'guardian', email: 'la@evil.example' }, status: 'confirmed', staffNote: 'Mẹ gọi điện hỏi lịch' }),
    })
    expect(patch.status).toBe(200)
    const gql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: `mutation { updateRegistration(id: ${reg.id}, data: { guardian: { name: "Người Lạ 2", relationship: guardian } }) { id } }` }),
    })
    expect(gql.status).toBeLessThan(500)
    const after = await payload.findByID({ collection: 'registrations', id: reg.id, depth: 0 })
    expect({ guardian: after.guardian, consents: after.consents, status: after.status }).toEqual({ guardian: reg.guardian, consents: reg.consents, status: reg.status })
    expect(after.staffNote).toBe('Mẹ gọi điện hỏi lịch')

    await page.goto(`${server.url}/admin/collections/registrations/${reg.id}`, { waitUntil: 'networkidle' })
    await expect(page.locator('#field-guardian__name').isDisabled()).resolves.toBe(true)
    await expect(page.locator('#field-staffNote').isDisabled()).resolves.toBe(false)
    await expect(page.getByRole('button', { name: 'Huỷ đăng ký' }).count()).resolves.toBe(1)
  })

  it('an editor sees neither the seats chart nor the check-in tools', async () => {
    const other = await browser.newContext({ locale: 'vi-VN' })
    const p = await other.newPage()
    await p.goto(`${server.url}/admin/login`, { waitUntil: 'networkidle' })
    await login(p, 'editor@demo.treem.vn')
    await p.waitForURL((u) => !u.pathname.startsWith('/admin/login'), { timeout: 30_000 })
    await p.goto(`${server.url}/admin`, { waitUntil: 'networkidle' })
    await expect(p.locator('#staff-seats').count()).resolves.toBe(0)
    await p.goto(`${server.url}/admin/check-in?ref=${refs[0]}`, { waitUntil: 'networkidle' })
    await expect(p.locator('.staff-tools').textContent()).resolves.toContain('Trang này dành cho điều phối viên và quản trị viên.')
    await expect(p.locator('.staff-card').count()).resolves.toBe(0)
    await other.close()
  })
})
