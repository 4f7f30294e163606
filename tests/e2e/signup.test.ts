/**
 * The public sign-up through the real server: a parent in a browser without JavaScript, a
 * teacher with JavaScript pasting a class list, the emails received by a real SMTP server, the
 * manage link (see, download, cancel → the waitlist moves up), and over HTTP: 200 sign-ups racing
 * for 20 seats, resubmissions, bad input, and the guards (403, 413, honeypot, 429).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { freePort } from '../helpers/ports'
import { type RunningServer, startServer } from '../helpers/server'
import { createSmtp, type TestSmtp } from '../helpers/smtp'
import { adminToken, api, createOpenEvent, newKey, outcomesOf, postSignUp, signUpBody, TEST_SECRET } from '../helpers/signup'

const skip = browserSkipReason()

type Reg = { id: number; status: string; consents?: unknown[]; child: { givenName: string } }

describe.skipIf(skip)('public sign-up', () => {
  let server: RunningServer
  let smtp: TestSmtp
  let browser: Browser
  let admin: string
  const registrationsOf = async (eventId: number) =>
    (await api<{ docs: Reg[] }>(server.url, admin, `/registrations?where[event][equals]=${eventId}&limit=0&depth=0`)).docs
  const outboxTo = async (to: string) =>
    (await api<{ totalDocs: number }>(server.url, admin, `/email-outbox?where[to][equals]=${encodeURIComponent(to)}&limit=0`)).totalDocs

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    await smtp.start()
    ;[server, browser] = await Promise.all([
      startServer({
        env: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          PAYLOAD_SECRET: TEST_SECRET,
          // a person in a browser here fills the form in milliseconds; the timing rule is tested below with forged times
          FORM_MIN_SECONDS: '0',
          // each simulated client below says where it comes from
          TRUST_PROXY: '1',
        },
      }),
      launchBrowser(),
    ])
    admin = await adminToken(server.url)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.stop()
  })

  it('a parent without JavaScript signs up two children, gets the email, opens the manage link, downloads the data, withdraws the photo consent and cancels; the waitlist moves up', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 1, consent: { guardian: 'Tôi đồng ý cho con tham gia lớp bơi.', childAssent: 'Em muốn học bơi.', photo: 'Cho phép chụp ảnh.' } })
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.1' } })
    const page = await context.newPage()
    await page.goto(`${server.url}/su-kien/${event.slug}/`)
    await page.getByRole('link', { name: 'Đăng ký cho trẻ' }).click()
    await page.getByLabel('Họ tên người liên hệ').fill('Võ Thị Mẹ')
    await page.getByLabel('Quan hệ với trẻ').selectOption('mother')
    await page.getByLabel('Thư điện tử').fill('me.vo@example.vn')
    const rows = page.locator('.child-row')
    await rows.nth(0).getByLabel('Họ và tên đệm').fill('Võ Thị')
    await rows.nth(0).getByLabel('Tên', { exact: true }).fill('Lan')
    await rows.nth(0).getByLabel('Ngày sinh').fill('2016-04-02')
    await rows.nth(0).getByLabel(/Trẻ \(từ 7 tuổi\)/).check()
    await rows.nth(0).getByLabel(/Đồng ý cho chụp ảnh trẻ/).check()
    await rows.nth(1).getByLabel('Họ và tên đệm').fill('Võ Văn')
    await rows.nth(1).getByLabel('Tên', { exact: true }).fill('Tí')
    await rows.nth(1).getByLabel('Ngày sinh').fill('2025-01-01')
    await page.getByLabel(/Tôi là cha mẹ/).check()
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click()

    const result = await page.locator('.signup-result').innerText()
    expect(result).toContain('Võ Thị Lan')
    expect(result).toMatch(/Có chỗ — số 1/)
    expect(result).toMatch(/Võ Văn Tí\s+Chưa nhận: chưa đủ tuổi/)
    expect(result).toContain('me***@example.vn')

    // the email: the seat, a manage link, and the check-in QR code as an inline image
    const mail = await smtp.waitFor((m) => m.subject?.includes(event.slug) === true && (m.to && 'text' in m.to ? m.to.text : '').includes('me.vo@example.vn'))
    expect(mail.html).toContain('Võ Thị Lan')
    const qr = mail.attachments.find((a) => a.contentType === 'image/png')
    expect(qr?.cid).toMatch(/^qr-[0-9A-F]{10}@check-in$/)
    const link = /href="(http[^"]+\/quan-ly\/[A-Za-z0-9_-]{43}\/)"/.exec(String(mail.html))?.[1]
    expect(link).toBeTruthy()

    // another family joins the waitlist
    const waiting = await postSignUp(server.url, event.slug, signUpBody(event.id, [{ familyName: 'Đặng', givenName: 'Khoa', birthDate: '2017-01-01' }], { 'guardian.email': 'bo.dang@example.vn' }), { 'x-forwarded-for': '203.0.113.2' })
    expect(waiting.outcomes.map((o) => o.status)).toEqual(['waitlisted'])
    // their confirmation (a waitlist place) comes a moment after the answer
    const placeMail = await smtp.waitFor((m) => (m.subject ?? '').startsWith('Kết quả đăng ký') && (m.to && 'text' in m.to ? m.to.text : '').includes('bo.dang@example.vn'))
    expect(placeMail.html).toMatch(/vị trí 1/)

    // the manage page shows this child only; the data download holds this child's data only
    const manage = await page.goto(link ?? '')
    expect(manage?.headers()['cache-control']).toBe('no-store')
    expect(manage?.headers()['referrer-policy']).toBe('same-origin')
    const text = await page.locator('article').innerText()
    expect(text).toContain('Võ Thị Lan')
    expect(text).not.toContain('Khoa')
    type Data = { child: { givenName: string }; consents: { purpose: string; grantedBy: string; withdrawnAt: string | null }[] }
    const data = (await (await fetch(`${link}data.json`)).json()) as Data
    expect(data.child.givenName).toBe('Lan')
    expect(data.consents.map((c) => `${c.purpose}/${c.grantedBy}/${c.withdrawnAt}`).sort()).toEqual(['participation/child/null', 'participation/guardian/null', 'photo/guardian/null'])
    expect(JSON.stringify(data)).not.toMatch(/Khoa|manageTokenHash|idempotencyKey|childKey/)

    // the family changes its mind about photos: withdrawn at once, the sign-up stays
    await page.getByRole('button', { name: 'Rút lại đồng ý chụp ảnh' }).click()
    await expect.poll(() => page.locator('[role="status"]').innerText()).toContain('Đã rút lại sự đồng ý chụp ảnh.')
    expect(await page.locator('article').innerText()).toMatch(/Chụp ảnh — Cha mẹ \/ giám hộ .* đã rút lại lúc/)
    expect(await page.getByRole('button', { name: 'Rút lại đồng ý chụp ảnh' }).count()).toBe(0)
    const after = (await (await fetch(`${link}data.json`)).json()) as Data
    expect(after.consents.find((c) => c.purpose === 'photo')?.withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    // cancel (the box must be ticked), then the waitlisted child has the seat and their family an email
    await page.getByLabel('Tôi muốn huỷ đăng ký này').check()
    await page.getByRole('button', { name: 'Huỷ đăng ký' }).click()
    await expect.poll(() => page.locator('[role="status"]').innerText()).toContain('Đã huỷ đăng ký')
    expect(await page.locator('article').innerText()).toContain('Đã huỷ')
    const promoted = await smtp.waitFor((m) => (m.subject ?? '').startsWith('Đã có chỗ') && (m.to && 'text' in m.to ? m.to.text : '').includes('bo.dang@example.vn'))
    expect(promoted.html).toContain('Khoa')
    const regs = await registrationsOf(event.id)
    expect(regs.map((r) => `${r.child.givenName}:${r.status}`).sort()).toEqual(['Khoa:confirmed', 'Lan:cancelled'])
    await context.close()
  })

  it('a teacher with JavaScript pastes a class list, is told at once about a wrong phone number, then gets a result for each child', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 2 })
    const context = await browser.newContext({ locale: 'vi-VN', extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.3' } })
    const page = await context.newPage()
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url())
    })
    await page.goto(`${server.url}/su-kien/${event.slug}/dang-ky/`, { waitUntil: 'networkidle' })
    await page.getByLabel('Giáo viên, nhà trường (cả lớp)').check()
    await page.getByLabel('Họ tên người liên hệ').fill('Cô Hoa')
    await page.getByLabel('Số điện thoại').fill('12345')
    await page.getByLabel('Tên trường').fill('Trường Tiểu học Thử')
    await page.getByLabel('Dán danh sách').fill('Họ,Tên,Ngày sinh,Lớp\nNguyễn Văn,An,01/02/2017,3A\nTrần Thị,Bình,03/04/2017,3A\nLê Văn,Cường,05/06/2017,3A')
    await page.getByRole('button', { name: 'Đưa danh sách vào bảng' }).click()
    await expect.poll(() => page.locator('.child-row').count()).toBe(4) // three children and a blank row
    await page.getByLabel(/Tôi xác nhận/).check()
    await page.getByLabel(/Tôi là cha mẹ/).check()
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click()
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Số điện thoại không hợp lệ')
    expect(posts).toEqual([])
    await page.getByLabel('Số điện thoại').fill('0912 345 678')
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click()
    await page.locator('.signup-result').waitFor()
    const outcomes = outcomesOf(await page.content())
    expect(outcomes.map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    expect(outcomes[2]?.text).toMatch(/Lê Văn Cường.*vị trí 1/)
    await context.close()
  })

  it('has no accessibility violations on the form, the form with errors, the result and the manage page (axe, WCAG 2.1 AA), in both languages', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 3 })
    const context = await browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.9' } })
    const page = await context.newPage()
    const found: string[] = []
    const sweep = async (p: Page, what: string) => {
      const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
      for (const v of result.violations) found.push(`${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)
    }
    await page.goto(`${server.url}/su-kien/${event.slug}/dang-ky/`, { waitUntil: 'networkidle' })
    await sweep(page, 'vi form')
    await page.goto(`${server.url}/en/events/${event.slug}/sign-up/`, { waitUntil: 'networkidle' })
    await sweep(page, 'en form')
    await page.getByLabel('Name of the contact person').fill('Ms Hoa')
    await page.getByLabel('Phone number').fill('123')
    await page.getByRole('button', { name: 'Send the sign-up' }).click()
    await page.locator('.error-summary').waitFor()
    expect(await page.locator('.error-summary').innerText()).toContain('This phone number is not valid')
    await sweep(page, 'en form with errors')
    await page.getByLabel('Relationship to the child').selectOption('mother')
    await page.getByLabel('Phone number').fill('0912345678')
    const row = page.locator('.child-row').first()
    await row.getByLabel('Family name').fill('Hoàng')
    await row.getByLabel('Given name').fill('Minh')
    await row.getByLabel('Birth date').fill('2018-08-08')
    await row.getByLabel(/agrees to take part/).check()
    await page.getByLabel(/I am the child's parent/).check()
    await page.getByRole('button', { name: 'Send the sign-up' }).click()
    await page.locator('.signup-result').waitFor()
    expect(await page.locator('.signup-result').innerText()).toMatch(/Hoàng Minh\s+Confirmed — seat 1/)
    await sweep(page, 'en result')
    await page.getByRole('link', { name: 'See, cancel' }).click()
    await page.locator('article.manage').waitFor()
    await sweep(page, 'en manage page')
    expect(found).toEqual([])
    await context.close()
  })

  it('gives exactly 20 seats when 200 sign-ups race for 20 through the public form; the rest are waitlisted, none fails', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 20 })
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postSignUp(server.url, event.slug, signUpBody(event.id, [{ familyName: 'Đua', givenName: `Số ${i}`, birthDate: '2016-06-06' }]), { 'x-forwarded-for': `198.51.100.${i % 250}` }),
      ),
    )
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([])
    const statuses = responses.map((r) => r.outcomes[0]?.status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(180)
    const seats = responses.flatMap((r) => (r.outcomes[0]?.status === 'confirmed' ? [Number(/số (\d+)/.exec(r.outcomes[0].text)?.[1])] : []))
    expect(seats.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const regs = await registrationsOf(event.id)
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(20)
    // the event page shows no seat left, straight away (the page cache was dropped)
    expect(await (await fetch(`${server.url}/su-kien/${event.slug}/`)).text()).toContain('Đã hết chỗ')
  })

  it('one form sent 10 times (5 one after another, 5 at once) keeps one registration and one seat, and the event page says so', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 5 })
    const body = signUpBody(event.id, [{ familyName: 'Gửi', givenName: 'Mười Lần', birthDate: '2016-02-02' }])
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await postSignUp(server.url, event.slug, body, { 'x-forwarded-for': `203.0.113.${i + 1}` }))
    answers.push(...(await Promise.all(Array.from({ length: 5 }, (_, i) => postSignUp(server.url, event.slug, body, { 'x-forwarded-for': `203.0.113.${i + 11}` })))))
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 200))
    expect(new Set(answers.map((a) => a.outcomes.map((o) => o.text).join()))).toHaveProperty('size', 1)
    expect((await registrationsOf(event.id)).map((r) => r.status)).toEqual(['confirmed'])
    const page = await (await fetch(`${server.url}/su-kien/${event.slug}/`)).text()
    expect(page).toContain('4 chỗ còn trống')
  })

  it('creates nothing new and queues no second email when the same form is sent again, and ignores status, seat and position sent by the public', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 1 })
    await postSignUp(server.url, event.slug, signUpBody(event.id, [{ familyName: 'Trước', givenName: 'Tiên', birthDate: '2016-01-01' }]), { 'x-forwarded-for': '192.0.2.10' })
    const body = signUpBody(event.id, [{ familyName: 'Hồ', givenName: 'Nam', birthDate: '2016-01-01' }], {
      'guardian.email': 'ho.nam@example.vn',
      'children.0.status': 'confirmed',
      'children.0.seat': '1',
      status: 'confirmed',
      seat: '1',
      position: '1',
    })
    const first = await postSignUp(server.url, event.slug, body, { 'x-forwarded-for': '192.0.2.11' })
    const again = await postSignUp(server.url, event.slug, body, { 'x-forwarded-for': '192.0.2.11' })
    expect(first.outcomes.map((o) => o.text)).toEqual(again.outcomes.map((o) => o.text))
    expect(first.outcomes[0]?.text).toMatch(/Danh sách chờ — vị trí 1/)
    const regs = await registrationsOf(event.id)
    expect(regs.filter((r) => r.child.givenName === 'Nam').map((r) => r.status)).toEqual(['waitlisted'])
    // the confirmation is queued a moment after the answer: one email, for both posts
    await smtp.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'ho.nam@example.vn')
    expect(await outboxTo('ho.nam@example.vn')).toBe(1)
    // and sent a third time now: the registration stays marked as confirmed by email, so nothing more is due
    await postSignUp(server.url, event.slug, body, { 'x-forwarded-for': '192.0.2.11' })
    const nam = (await api<{ docs: { confirmationQueuedAt?: string | null }[] }>(server.url, admin, `/registrations?where[event][equals]=${event.id}&where[child.givenName][equals]=Nam&depth=0`)).docs
    expect(nam).toHaveLength(1)
    expect(nam[0]?.confirmationQueuedAt).toMatch(/^\d{4}-/)
  })

  it('answers bad input with a clear message in the reader\'s language and saves nothing', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 5, eligibility: { minAge: 6, maxAge: 12 } })
    const child = { familyName: 'Mai', givenName: 'Hoa', birthDate: '2016-01-01' }
    const cases: { name: string; body: URLSearchParams; expect: RegExp; en?: boolean }[] = [
      { name: 'invalid phone', body: signUpBody(event.id, [child], { 'guardian.phone': '0123' }), expect: /Số điện thoại không hợp lệ/ },
      { name: 'invalid email', body: signUpBody(event.id, [child], { 'guardian.email': 'not-an-email' }), expect: /Địa chỉ thư điện tử không hợp lệ/ },
      { name: 'line break in a name', body: signUpBody(event.id, [{ ...child, givenName: 'Hoa\r\nBcc: x@evil.example' }]), expect: /Có ký tự không hợp lệ/ },
      { name: 'line break in an email', body: signUpBody(event.id, [child], { 'guardian.email': 'a@b.vn\r\nBcc: x@evil.example' }), expect: /không hợp lệ/ },
      { name: 'no consent', body: signUpBody(event.id, [child], { guardianConsent: '' }), expect: /Cần sự đồng ý của cha mẹ/ },
      { name: 'in English', body: signUpBody(event.id, [child], { 'guardian.phone': '0123' }), expect: /This phone number is not valid/, en: true },
    ]
    for (const c of cases) {
      const res = await fetch(`${server.url}${c.en ? `/en/events/${event.slug}/sign-up/` : `/su-kien/${event.slug}/dang-ky/`}?_action=signUp`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.20' },
        body: c.body.toString(),
      })
      expect(res.status, c.name).toBe(400)
      expect(await res.text(), c.name).toMatch(c.expect)
    }
    // refused per child, with the reason, nothing stored for them
    const young = await postSignUp(server.url, event.slug, signUpBody(event.id, [{ ...child, birthDate: '2024-01-01' }, { ...child, givenName: 'Lớn', birthDate: '2010-01-01' }]), { 'x-forwarded-for': '192.0.2.21' })
    expect(young.outcomes.map((o) => o.text)).toEqual(['Mai Hoa Chưa nhận: chưa đủ tuổi vào ngày đầu tiên —', 'Mai Lớn Chưa nhận: quá tuổi quy định —'])
    const noAssent = await postSignUp(server.url, event.slug, signUpBody(event.id, [{ ...child, assent: false }]), { 'x-forwarded-for': '192.0.2.21' })
    expect(noAssent.outcomes[0]?.text).toContain('trẻ từ 7 tuổi cần tự đồng ý tham gia')
    expect(await registrationsOf(event.id)).toEqual([])
    // the same child twice, in two submissions
    await postSignUp(server.url, event.slug, signUpBody(event.id, [child]), { 'x-forwarded-for': '192.0.2.22' })
    const twice = await postSignUp(server.url, event.slug, signUpBody(event.id, [{ ...child, familyName: ' mai ' }]), { 'x-forwarded-for': '192.0.2.22' })
    expect(twice.outcomes[0]?.text).toContain('trẻ đã được đăng ký sự kiện này')
    expect(await registrationsOf(event.id)).toHaveLength(1)
    // registration not open yet, and closed
    const later = await createOpenEvent(server.url, admin, { registrationOpensAt: '2030-01-01T00:00:00.000Z' })
    const notYet = await postSignUp(server.url, later.slug, signUpBody(later.id, [child]), { 'x-forwarded-for': '192.0.2.23' })
    expect(notYet.outcomes[0]?.text).toContain('chưa mở đăng ký')
    expect(await (await fetch(`${server.url}/su-kien/${later.slug}/dang-ky/`)).text()).toContain('Sự kiện này hiện không nhận đăng ký')
    const closed = await createOpenEvent(server.url, admin, { registrationClosesAt: '2021-01-01T00:00:00.000Z' })
    expect((await postSignUp(server.url, closed.slug, signUpBody(closed.id, [child]), { 'x-forwarded-for': '192.0.2.23' })).outcomes[0]?.text).toContain('đã hết hạn đăng ký')
  })

  it('refuses cross-origin posts (403) and oversized bodies (413), drops robots and too-fast forms, and limits sign-ups per address (429), saving nothing', async () => {
    const event = await createOpenEvent(server.url, admin, { capacity: 5 })
    const child = [{ familyName: 'Bảo', givenName: 'Vệ', birthDate: '2016-01-01' }]
    const crossOrigin = await postSignUp(server.url, event.slug, signUpBody(event.id, child), { origin: 'https://evil.example', 'x-forwarded-for': '192.0.2.30' })
    expect(crossOrigin.status).toBe(403)
    const crossJson = await fetch(`${server.url}/_actions/signUp`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' })
    expect(crossJson.status).toBe(403)
    const big = signUpBody(event.id, child, { classList: 'x'.repeat(300 * 1024) })
    const oversized = await postSignUp(server.url, event.slug, big, { 'x-forwarded-for': '192.0.2.31' })
    expect(oversized.status).toBe(413)
    expect(oversized.html).toContain('Nội dung gửi quá lớn')
    const robot = await postSignUp(server.url, event.slug, signUpBody(event.id, child, { website: 'http://spam.example' }), { 'x-forwarded-for': '192.0.2.32' })
    expect(robot.status).toBe(400)
    const forged = await postSignUp(server.url, event.slug, signUpBody(event.id, child, { formToken: 'lk2j3.forged' }), { 'x-forwarded-for': '192.0.2.33' })
    expect(forged.status).toBe(400)
    expect(await registrationsOf(event.id)).toEqual([])

    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const res = await postSignUp(server.url, event.slug, signUpBody(event.id, [{ familyName: 'Nhanh', givenName: `Số ${i}`, birthDate: '2016-01-01' }], { idempotencyKey: newKey() }), { 'x-forwarded-for': '192.0.2.34' })
      statuses.push(res.status)
      if (res.status === 429) expect(res.html).toMatch(/quá nhiều lượt đăng ký/)
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
    expect(await registrationsOf(event.id)).toHaveLength(10)
  })
})
