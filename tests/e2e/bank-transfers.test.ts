/**
 * Bank transfers against the built server: SePay's webhook over real HTTP (no staff session,
 * another origin; the right key, a wrong one, a body over 1 MB, no key configured), and a fund
 * officer in a real browser who previews and imports a statement, then assigns a transfer that
 * matched no pledge from its page. The drive and pledges are made in this process, on the
 * server's database.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

const skip = browserSkipReason()
const KEY = 'e2e-sepay-key-2b7d1f0c9a'
const DEMO_PASSWORD = 'demo-2026-tre-em'

describe.skipIf(skip)('bank transfers: the SePay webhook and the fund officer’s tools', () => {
  let server: RunningServer
  let bare: RunningServer
  let browser: Browser
  let page: Page
  let payload: Payload
  const pledges: { id: number | string; reference: string }[] = []
  let sepayId = 700_000_000 + Math.floor(Math.random() * 10_000_000)

  const notification = (over: Record<string, unknown> = {}) => ({
    id: ++sepayId,
    gateway: 'Vietcombank',
    transactionDate: '2026-09-20 14:02:37',
    accountNumber: '0071001234567',
    code: null,
    content: 'ung ho',
    transferType: 'in',
    transferAmount: 500_000,
    accumulated: 9_000_000,
    subAccount: null,
    referenceCode: `MBVCB.${sepayId}`,
    description: '',
    ...over,
  })
  const webhook = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/bank-transfers/sepay`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://my.sepay.vn', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

  beforeAll(async () => {
    ;[server, bare, browser] = await Promise.all([startServer({ env: { SEPAY_API_KEY: KEY } }), startServer({ seed: false, env: { SEPAY_API_KEY: '' } }), launchBrowser()])
    Object.assign(process.env, { DATABASE_URL: `file:${server.dir}/site.db`, SERVER_URL: server.url, MEDIA_DIR: `${server.dir}/media`, MAIL_DIR: `${server.dir}/mail`, APP_ENV: 'test' })
    const [{ startPayload }, { pledge }] = await Promise.all([import('../../cms/bootstrap'), import('../../cms/services/pledges')])
    payload = await startPayload()
    const drive = await payload.create({
      collection: 'drives',
      draft: false,
      data: { _status: 'published', title: 'Trung thu kiểm thử đối soát', slug: `trung-thu-doi-soat-${Date.now()}`, kind: 'mid-autumn', startsOn: '2026-01-01T00:00:00.000Z', moneyGoal: 50_000_000 },
    })
    for (const amount of [2_000_000, 1_000_000]) {
      const p = await pledge(payload, { driveId: drive.id, idempotencyKey: `e2e-bank-${amount}-${Date.now()}`, donor: { kind: 'person', name: 'Lê Văn Bình' }, listed: false, amount, items: [] })
      if (p.kind !== 'accepted') throw new Error(p.kind)
      pledges.push({ id: p.id, reference: p.reference })
    }
    page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
  })
  afterAll(async () => {
    await payload?.destroy()
    await browser?.close()
    await Promise.all([server?.stop(), bare?.stop()])
  })

  const stored = async (id: number) => (await payload.find({ collection: 'bank-transfers', where: { key: { equals: `sepay:${id}` } }, depth: 0 })).docs

  it('SePay with the right key, from its own origin and without a session: 200 {"success":true}, the transfer matched', async () => {
    const [first] = pledges
    const body = notification({ content: `MBVCB.123.${first?.reference.replace('-', '')}.CT tu LE VAN BINH`, transferAmount: 2_000_000 })
    const res = await webhook(server.url, body, { authorization: `Apikey ${KEY}` })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ success: true })
    expect((await stored(body.id)).map((t) => [t.status, t.pledge])).toEqual([['matched', first?.id]])
    expect((await payload.findByID({ collection: 'pledges', id: first?.id ?? 0, depth: 0 })).status).toBe('received')
  })

  it('a wrong key: 401 and nothing stored; over 1 MB: 413 before it is read; no key configured: 503', async () => {
    const body = notification()
    const wrong = await webhook(server.url, body, { authorization: 'Apikey nope' })
    expect([wrong.status, await wrong.json()]).toEqual([401, { success: false }])
    expect(await stored(body.id)).toHaveLength(0)
    const huge = await webhook(server.url, { ...notification(), description: 'x'.repeat(1024 * 1024) }, { authorization: `Apikey ${KEY}` })
    expect(huge.status).toBe(413)
    const off = await webhook(bare.url, notification(), { authorization: `Apikey ${KEY}` })
    expect(off.status).toBe(503)
    expect(((await off.json()) as { error: string }).error).toContain('SEPAY_API_KEY')
    // the public reads nothing
    expect((await fetch(`${server.url}/api/bank-transfers`)).status).toBe(403)
  })

  it('a fund officer previews a statement (nothing recorded), imports it, and assigns an unmatched transfer from its page', async () => {
    const second = pledges[1]
    if (!second) throw new Error('no pledge')
    await page.goto(`${server.url}/admin/login`, { waitUntil: 'networkidle' })
    await page.locator('#field-email').fill('fund@demo.treem.vn')
    await page.locator('#field-password').fill(DEMO_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((u) => u.pathname === '/admin', { timeout: 30_000 })

    await page.goto(`${server.url}/admin/collections/bank-transfers`, { waitUntil: 'networkidle' })
    const stamp = Date.now().toString(36)
    const csv = ['Ngày giao dịch,Số tiền,Nội dung,Số tham chiếu', `21/09/2026 09:00,400000,ung ho ${second.reference.toLowerCase()},FT${stamp}A`, `21/09/2026 10:00,150000,chuyen tien ${stamp},FT${stamp}B`].join('\n')
    await page.locator('input[type="file"]').setInputFiles({ name: 'sao-ke.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    const before = (await payload.count({ collection: 'bank-transfers' })).totalDocs
    await page.getByRole('button', { name: 'Xem trước' }).click()
    const rows = page.locator('.staff-table tbody tr')
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2)
    await expect(rows.nth(0).textContent()).resolves.toContain(`Mới: ghi nhận cho ${second.reference}`)
    await expect(rows.nth(1).textContent()).resolves.toContain('Mới: chưa khớp (không có mã ủng hộ)')
    expect((await payload.count({ collection: 'bank-transfers' })).totalDocs).toBe(before)
    const axe = await new AxeBuilder({ page }).include('.staff-tools').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

    await page.getByRole('button', { name: 'Ghi nhận 2 giao dịch mới' }).click()
    await expect.poll(() => page.locator('.staff-tools [role="status"]').textContent(), { timeout: 15_000 }).toBe('Đã nhập sao kê.')
    expect((await payload.count({ collection: 'bank-transfers' })).totalDocs).toBe(before + 2)
    expect((await payload.findByID({ collection: 'pledges', id: second.id, depth: 0 })).receivedAmount).toBe(400_000)

    const unmatched = await payload.find({ collection: 'bank-transfers', where: { note: { equals: `chuyen tien ${stamp}` } }, depth: 0 })
    const transfer = unmatched.docs[0]
    expect(transfer?.reason).toBe('no-reference')
    await page.goto(`${server.url}/admin/collections/bank-transfers/${transfer?.id}`, { waitUntil: 'networkidle' })
    page.once('dialog', (d) => void d.accept())
    await page.getByPlaceholder('TT-7K3QX').fill(second.reference)
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click()
    await expect.poll(() => page.locator('.field-type [role="status"]').textContent(), { timeout: 15_000 }).toContain(`Đã ghi nhận cho cam kết ${second.reference}`)
    const after = await payload.findByID({ collection: 'bank-transfers', id: transfer?.id ?? 0, depth: 0 })
    expect([after.status, after.pledge]).toEqual(['matched', second.id])
    expect((await payload.findByID({ collection: 'pledges', id: second.id, depth: 0 })).receivedAmount).toBe(550_000)
  })
})
