/**
 * Gift drives through the real server: a donor in a browser without JavaScript pledges money
 * and a bicycle, sees the reference and the VietQR transfer details, gets the confirmation by
 * email (a real SMTP server), pays — the bank's notification arrives at the SePay endpoint —
 * and sees the bar move; the thank-you brings the numbered PDF receipt. Over HTTP: a pledge
 * sent twice is one pledge, bad input changes nothing.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueFormToken, pledgeFormOf } from '../../cms/services/form-guard'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { freePort } from '../helpers/ports'
import { type RunningServer, startServer } from '../helpers/server'
import { createSmtp, type TestSmtp } from '../helpers/smtp'
import { adminToken, api, newKey, TEST_SECRET } from '../helpers/signup'

const skip = browserSkipReason()
const SEPAY_KEY = 'sepay-test-key-0123456789'

type Pledge = { id: number; reference: string; status: string; amount: number | null; receivedAmount: number | null }

describe.skipIf(skip)('gift drives and pledges', () => {
  let server: RunningServer
  let smtp: TestSmtp
  let browser: Browser
  let admin: string

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    await smtp.start()
    ;[server, browser] = await Promise.all([
      startServer({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PAYLOAD_SECRET: TEST_SECRET, FORM_MIN_SECONDS: '0', TRUST_PROXY: '1', SEPAY_API_KEY: SEPAY_KEY } }),
      launchBrowser(),
    ])
    admin = await adminToken(server.url)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.stop()
  })

  async function createDrive(bicycles = 2): Promise<{ id: number; slug: string; bicycle: string }> {
    const slug = `xe-dap-${newKey().slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
    const created = await api<{ doc: { id: number; slug: string; items: { id: string }[] } }>(server.url, admin, '/drives', {
      method: 'POST',
      body: JSON.stringify({
        title: `Xe đạp đến trường ${slug}`,
        slug,
        kind: 'bicycle',
        startsOn: '2020-01-01T00:00:00.000Z',
        moneyGoal: 10_000_000,
        items: [{ kind: 'bicycle', label: 'Xe đạp', quantity: bicycles, unitValue: 2_500_000 }],
        account: { bankBin: '970436', bankName: 'Vietcombank', accountNumber: '0721000654321', accountName: 'QUY BAO TRO TRE EM' },
        _status: 'published',
      }),
    })
    return { id: created.doc.id, slug: created.doc.slug, bicycle: created.doc.items[0]?.id ?? '' }
  }

  const pledgesOf = async (driveId: number) => (await api<{ docs: Pledge[] }>(server.url, admin, `/pledges?where[drive][equals]=${driveId}&limit=0&depth=0`)).docs
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

  it('a donor without JavaScript pledges, gets the reference, the VietQR details and the email; the bank notification moves the bar; the thank-you brings the PDF receipt', async () => {
    const drive = await createDrive()
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.40' } })
    const page = await context.newPage()
    await page.goto(`${server.url}/ung-ho/${drive.slug}/`)
    expect(await page.locator('main').innerText()).toContain('0 ₫ / 10.000.000 ₫')
    await page.getByRole('link', { name: 'Cam kết ủng hộ' }).click()
    await page.getByLabel('Số tiền (đồng)').fill('500.000')
    await page.getByLabel('Số lượng: Xe đạp').fill('1')
    await page.getByLabel('Họ tên hoặc tên đơn vị').fill('Nguyễn Thị Ánh')
    await page.getByLabel('Thư điện tử').fill('anh.nguyen@example.vn')
    await page.getByLabel(/Đồng ý hiện tên tôi/).check()
    await page.getByRole('button', { name: 'Gửi cam kết' }).click()

    const main = page.locator('main')
    await main.locator('.reference').waitFor()
    expect(await main.innerText()).toContain('Cảm ơn tấm lòng của bạn!')
    const reference = (await main.locator('.reference').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^TT-[2-9A-HJKMNP-TW-Z]{5}$/)
    expect(await main.innerText()).toContain('0721000654321')
    expect(await main.innerText()).toContain('500.000 ₫')
    expect(await main.locator('svg[role="img"]').count()).toBe(1)

    const confirmation = await smtp.waitFor((m) => (m.subject ?? '').includes(reference), 60_000)
    expect(confirmation.html).toContain('0721000654321')
    expect(confirmation.attachments.map((a) => a.contentType)).toContain('image/png')

    // pledged, not yet received: shown apart, the bar empty
    await page.goto(`${server.url}/ung-ho/${drive.slug}/`)
    expect(await main.innerText()).toContain('Đã cam kết, chưa nhận: 500.000 ₫')
    expect(await main.innerText()).toContain('0 ₫ / 10.000.000 ₫')

    // the bank reports the transfer; the banking app mangled the note
    const notify = (key: string) =>
      fetch(`${server.url}/api/bank-transfers/sepay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Apikey ${key}` },
        body: JSON.stringify({
          id: 9_100_001,
          gateway: 'Vietcombank',
          transactionDate: '2026-12-01 10:15:00',
          accountNumber: '0721000654321',
          code: null,
          content: `IBFT ${reference.replace('-', '').toLowerCase()} ung ho xe dap`,
          transferType: 'in',
          transferAmount: 500000,
          accumulated: 500000,
          subAccount: null,
          referenceCode: 'FT26335123456',
          description: '',
        }),
      })
    const wrong = await notify('not-the-key')
    expect(wrong.status).toBe(401)
    expect((await pledgesOf(drive.id))[0]?.receivedAmount ?? 0).toBe(0)
    const ok = await notify(SEPAY_KEY)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ success: true })
    const again = await notify(SEPAY_KEY)
    expect(again.status).toBe(200)

    const [stored] = await pledgesOf(drive.id)
    expect(stored).toMatchObject({ reference, receivedAmount: 500_000, status: 'partly-received' })
    const receipts = await api<{ totalDocs: number }>(server.url, admin, `/donation-receipts?where[pledge][equals]=${stored?.id}&limit=0`)
    expect(receipts.totalDocs).toBe(1)

    await page.goto(`${server.url}/ung-ho/${drive.slug}/`)
    expect(await main.innerText()).toContain('500.000 ₫ / 10.000.000 ₫')
    expect(await main.innerText()).toContain('Nguyễn Thị Ánh · 500.000 ₫')

    const thanks = await smtp.waitFor((m) => (m.subject ?? '').startsWith('Biên nhận ủng hộ số') && JSON.stringify(m.to ?? '').includes('anh.nguyen@example.vn'), 60_000)
    const pdf = thanks.attachments.find((a) => a.contentType === 'application/pdf')
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-')
    await context.close()
  })

  it('a pledge sent twice is one pledge with one reference; bad input is refused in the donor language and stores nothing', async () => {
    const drive = await createDrive()
    const body = (over: Record<string, string> = {}) =>
      new URLSearchParams({
        driveId: String(drive.id),
        idempotencyKey: newKey(),
        formToken: issueFormToken(TEST_SECRET, pledgeFormOf(drive.id), new Date(Date.now() - 10_000)),
        website: '',
        'donor.kind': 'organisation',
        'donor.name': 'Công ty TNHH Hưng Thịnh Phát',
        'donor.phone': '0912345678',
        amount: '1.000.000',
        ...over,
      }).toString()
    const post = async (form: string, path = `/ung-ho/${drive.slug}/cam-ket/`, from = '203.0.113.41') => {
      const res = await fetch(`${server.url}${path}?_action=pledge`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from }, body: form })
      return { status: res.status, html: await res.text() }
    }
    const once = body()
    const [a, b] = await Promise.all([post(once), post(once)])
    const refs = [a, b].map((r) => /class="reference">([^<]+)</.exec(r.html)?.[1])
    expect(refs[0]).toMatch(/^TT-/)
    expect(refs[1]).toBe(refs[0])
    expect(await pledgesOf(drive.id)).toHaveLength(1)

    const negative = await post(body({ amount: '-200000' }), `/en/donate/${drive.slug}/pledge/`, '203.0.113.42')
    expect(negative.status).toBe(400)
    expect(text(negative.html)).toContain('The amount must be more than zero.')
    const fraction = await post(body({ amount: '1500,5' }), undefined, '203.0.113.43')
    expect(fraction.status).toBe(400)
    expect(text(fraction.html)).toContain('Số tiền phải là số đồng chẵn (không có phần lẻ).')
    const tooMany = await post(body({ amount: '', [`items.${drive.bicycle}`]: '3' }), undefined, '203.0.113.44')
    expect(tooMany.status).toBe(409)
    expect(text(tooMany.html)).toContain('Xe đạp chỉ còn cần 2')
    expect(await pledgesOf(drive.id)).toHaveLength(1)

    // from another site, or by a robot filling the hidden field: refused, nothing stored
    const foreign = await fetch(`${server.url}/ung-ho/${drive.slug}/cam-ket/?_action=pledge`, {
      method: 'POST',
      headers: { origin: 'https://example.com', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.45' },
      body: body(),
    })
    expect(foreign.status).toBe(403)
    const robot = await post(body({ website: 'http://spam.example' }), undefined, '203.0.113.46')
    expect(robot.status).toBe(400)
    expect(await pledgesOf(drive.id)).toHaveLength(1)
  })
})
