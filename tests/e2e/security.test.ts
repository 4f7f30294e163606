/**
 * Inputs and headers, through the real server over HTTP (and Chromium for the CSP): the client
 * address the proxy appended (rate limits, audit log), form tokens bound to their form and
 * event, body limits on /api (413 before anything is read or stored), security headers on every
 * answer, the site's CSP without inline scripts while the sign-up island still hydrates, path
 * variants and the trailing-slash redirect kept on this origin, and the staff login and
 * forgotten-password throttle (REST, GraphQL and the admin's own pages).
 */
import fs from 'node:fs/promises'
import http from 'node:http'
import { createClient } from '@libsql/client'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { freePort } from '../helpers/ports'
import { type RunningServer, startServer } from '../helpers/server'
import { adminToken, api, createOpenEvent, postSignUp, signUpBody, TEST_SECRET } from '../helpers/signup'
import { createSmtp, type TestSmtp } from '../helpers/smtp'

const skip = browserSkipReason()
const DEMO_PASSWORD = 'demo-2026-tre-em'
const MB = 1024 * 1024

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string; continued: boolean }

/**
 * A request sent piece by piece with node:http: the answer is read as soon as it comes, even
 * while the body is still being sent (the server may answer 413 before reading it all).
 */
function rawRequest(url: string, options: { method?: string; path: string; headers: Record<string, string | number>; chunks?: Iterable<Buffer>; pauseAfterFirst?: boolean }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = http.request({ hostname, port, method: options.method ?? 'POST', path: options.path, headers: options.headers, agent: false })
    let answered = false
    let continued = false
    req.on('continue', () => (continued = true))
    const timer = setTimeout(() => {
      if (answered) return
      req.destroy()
      reject(new Error(`no answer to ${options.path} within 30 s`))
    }, 30_000)
    req.on('response', (res) => {
      answered = true
      clearTimeout(timer)
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, continued })
        req.destroy()
      })
    })
    req.on('error', (err) => {
      if (!answered) reject(err)
    })
    const send = async () => {
      for (const chunk of options.chunks ?? []) {
        if (answered || req.destroyed) return
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
        if (options.pauseAfterFirst) return // the rest never comes: only an answer that did not wait for it can arrive
      }
      if (!answered) req.end()
    }
    send().catch(() => undefined)
  })
}

const chunksOf = (total: number, size = 64 * 1024) => Array.from({ length: Math.ceil(total / size) }, () => Buffer.alloc(size, 0x61))
/** Error bodies without `stack`, which only a debug server (development, test) adds: it names the line that threw. */
const withoutStack = (json: string) => JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === 'stack' ? undefined : value))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** CPU time (user + system, in clock ticks) the server process has used: the work done, not the time taken. */
async function cpuTicks(pid: number): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

describe.skipIf(skip)('inputs and headers', () => {
  let server: RunningServer
  let smtp: TestSmtp
  let browser: Browser
  let admin: string

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    await smtp.start()
    ;[server, browser] = await Promise.all([
      startServer({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PAYLOAD_SECRET: TEST_SECRET, FORM_MIN_SECONDS: '0', TRUST_PROXY: '1' } }),
      launchBrowser(),
    ])
    admin = await adminToken(server.url)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.stop()
  })

  const child = [{ familyName: 'An', givenName: 'Toàn', birthDate: '2016-01-01' }]
  const login = (email: string, password: string, from: string, cookie?: string) =>
    fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ email, password }),
    })
  const graphql = async (query: string, from: string) => {
    const res = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ query }) })
    return { res, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { statusCode?: number } }[] } }
  }
  const forgot = (email: string, from: string) =>
    fetch(`${server.url}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email }) })
  const deviceCookieOf = (res: Response) => (res.headers.getSetCookie().find((c) => c.startsWith('treem-device-')) ?? '').split(';')[0] ?? ''

  describe('client address and form tokens', () => {
    it('counts the address our proxy appended (the last X-Forwarded-For value) for the sign-up limit, not what the client wrote first', async () => {
      const event = await createOpenEvent(server.url, admin, { capacity: 1 })
      const statuses: number[] = []
      for (let i = 0; i < 11; i++) {
        const body = signUpBody(event.id, [{ familyName: 'Gửi', givenName: `Lần ${i}`, birthDate: '2016-01-01' }])
        statuses.push((await postSignUp(server.url, event.slug, body, { 'x-forwarded-for': `10.9.${i}.1, 198.18.0.77` })).status)
      }
      expect(statuses).toEqual([...Array<number>(10).fill(200), 429])
    })

    it('records that address in the audit log, ignoring X-Real-IP, the first X-Forwarded-For value and a forged internal header', async () => {
      const event = await createOpenEvent(server.url, admin, { capacity: 3 })
      expect((await postSignUp(server.url, event.slug, signUpBody(event.id, child), { 'x-forwarded-for': '198.18.0.80' })).status).toBe(200)
      const read = await fetch(`${server.url}/api/registrations?where[event][equals]=${event.id}&depth=0`, {
        headers: { authorization: `JWT ${admin}`, 'x-forwarded-for': '6.6.6.6, 198.18.0.78', 'x-real-ip': '6.6.6.7', 'x-treem-client-address': '6.6.6.8' },
      })
      expect(read.status).toBe(200)
      const log = await api<{ docs: { ip?: string; action: string }[] }>(server.url, admin, `/audit-log?where[event][equals]=${event.id}&where[action][equals]=read-list&sort=-at&depth=0`)
      expect(log.docs.map((d) => d.ip)).toEqual(['198.18.0.78'])
    })

    it('refuses a form token from the sign-up form of another event, saving nothing', async () => {
      const [a, b] = [await createOpenEvent(server.url, admin), await createOpenEvent(server.url, admin)]
      const page = await (await fetch(`${server.url}/su-kien/${a.slug}/dang-ky/`)).text()
      const token = /name="formToken" value="([^"]+)"/.exec(page)?.[1] ?? ''
      expect(token).toMatch(/^[0-9a-z]+\.[\w-]+$/)
      const onB = await postSignUp(server.url, b.slug, signUpBody(b.id, child, { formToken: token }), { 'x-forwarded-for': '198.18.1.1' })
      expect(onB.status).toBe(400)
      expect(onB.html).toContain('Biểu mẫu không hợp lệ, vui lòng gửi lại.')
      expect((await api<{ totalDocs: number }>(server.url, admin, `/registrations?where[event][equals]=${b.id}&limit=0`)).totalDocs).toBe(0)
      const onA = await postSignUp(server.url, a.slug, signUpBody(a.id, child, { formToken: token }), { 'x-forwarded-for': '198.18.1.2' })
      expect(onA.outcomes.map((o) => o.status)).toEqual(['confirmed'])
    })
  })

  describe('body limits on /api', () => {
    const count = async (collection: string) => (await api<{ totalDocs: number }>(server.url, admin, `/${collection}?limit=0&depth=0`)).totalDocs

    it('answers 413 to JSON over 1 MB by its Content-Length, before reading it, and stores nothing', async () => {
      const before = await count('campaigns')
      const body = Buffer.from(JSON.stringify({ title: 'x'.repeat(MB + 1000), year: 2031, theme: 'Quá lớn', _status: 'draft' }))
      // only the first 64 KB are ever sent: the answer cannot have waited for the rest
      const res = await rawRequest(server.url, {
        path: '/api/campaigns',
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `JWT ${admin}` },
        chunks: [body.subarray(0, 64 * 1024)],
        pauseAfterFirst: true,
      })
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toEqual({ errors: [{ message: 'Nội dung gửi quá lớn: tối đa 1 MB.' }] })
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(await count('campaigns')).toBe(before)

      // a client that asks first (Expect: 100-continue) is told 413 instead of "go on"; a small body is let through
      const asked = await rawRequest(server.url, { path: '/api/campaigns', headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue', authorization: `JWT ${admin}` } })
      expect([asked.status, asked.continued]).toEqual([413, false])
      const small = Buffer.from(JSON.stringify({ email: 'editor@demo.treem.vn', password: DEMO_PASSWORD }))
      const welcome = await rawRequest(server.url, {
        path: '/api/users/login',
        headers: { 'content-type': 'application/json', 'content-length': small.length, expect: '100-continue', 'x-forwarded-for': '198.18.9.2' },
        chunks: [small],
      })
      expect([welcome.status, welcome.continued]).toEqual([200, true])
    })

    it('counts a body sent without Content-Length (chunked) as it arrives and answers 413 past 1 MB; the server goes on serving', async () => {
      const before = await count('campaigns')
      const res = await rawRequest(server.url, {
        path: '/api/campaigns',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', authorization: `JWT ${admin}`, cookie: 'payload-lng=en' },
        chunks: chunksOf(3 * MB),
      })
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toEqual({ errors: [{ message: 'What was sent is too large: 1 MB at most.' }] })
      expect(await count('campaigns')).toBe(before)
      // a small chunked body still goes through
      const small = await rawRequest(server.url, {
        path: '/api/users/login',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-forwarded-for': '198.18.9.1' },
        chunks: [Buffer.from(JSON.stringify({ email: 'editor@demo.treem.vn', password: DEMO_PASSWORD }))],
      })
      expect(small.status).toBe(200)
    })

    it('answers 413 to a multipart request over 16 MB before reading it, and to a file over 15 MB with a translated message; nothing is stored', async () => {
      const media = path.join(server.dir, 'media')
      const files = async () => (await fs.readdir(media).catch(() => [])).sort()
      const [before, filesBefore] = [await count('media'), await files()]

      const declared = await rawRequest(server.url, {
        path: '/api/media',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': 17 * MB, authorization: `JWT ${admin}` },
        chunks: [Buffer.from('--x\r\n')],
        pauseAfterFirst: true,
      })
      expect(declared.status).toBe(413)
      expect(JSON.parse(declared.body)).toEqual({ errors: [{ message: 'Nội dung gửi quá lớn: tối đa 16 MB.' }] })

      // a file 512 KB over the limit, in a request under the request limit: Payload's parser stops at the file limit
      const boundary = 'treem-boundary'
      const upload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"Ảnh quá lớn"}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
        Buffer.alloc(15 * MB + 512 * 1024, 0xff),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      const tooLarge = await rawRequest(server.url, {
        path: '/api/media',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': upload.length, authorization: `JWT ${admin}` },
        chunks: [upload],
      })
      expect(tooLarge.status).toBe(413)
      expect((JSON.parse(tooLarge.body) as { errors: { message: string }[] }).errors[0]?.message).toBe('Tệp quá lớn: tối đa 15 MB. / The file is too large: 15 MB at most.')

      expect(await count('media')).toBe(before)
      expect(await files()).toEqual(filesBefore)
    })
  })

  describe('security headers and the page cache', () => {
    it('sends nosniff, a referrer policy and no framing by other sites on every answer: admin, API, static files, pages, feeds', async () => {
      const admin = ['/admin/login', '/api/campaigns', '/api/users/me', '/api/graphql-playground']
      const site = ['/', '/favicon.svg', '/rss.xml', '/khong-co-trang-nay/', '/chien-dich/']
      for (const p of [...admin, ...site]) {
        const res = await fetch(`${server.url}${p}`)
        const h = (name: string) => res.headers.get(name)
        expect(h('x-content-type-options'), p).toBe('nosniff')
        expect(h('referrer-policy'), p).toBe('strict-origin-when-cross-origin')
        expect(h('strict-transport-security'), p).toBeNull() // only in production (tests/e2e/server.test.ts)
        if (admin.includes(p)) {
          expect([h('x-frame-options'), h('content-security-policy')], p).toEqual(['SAMEORIGIN', expect.stringContaining("frame-ancestors 'self'")])
        } else {
          expect(h('x-frame-options'), p).toBe('DENY')
          expect(h('content-security-policy'), p).toContain("frame-ancestors 'none'")
          expect(h('content-security-policy'), p).toMatch(/script-src 'self'[^;]*;/)
          expect(/script-src[^;]*'unsafe-inline'/.test(h('content-security-policy') ?? ''), p).toBe(false)
        }
      }
    })

    it('hydrates the sign-up island under a CSP without inline scripts, with no violation; an injected inline script is refused', async () => {
      const event = await createOpenEvent(server.url, admin)
      const context = await browser.newContext({ locale: 'vi-VN', extraHTTPHeaders: { 'x-forwarded-for': '198.18.10.1' } })
      await context.addInitScript(() => {
        const seen: string[] = []
        Object.assign(window, { cspViolations: seen })
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`))
      })
      const page = await context.newPage()
      const posts: string[] = []
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url())
      })
      const res = await page.goto(`${server.url}/su-kien/${event.slug}/dang-ky/`, { waitUntil: 'networkidle' })
      const csp = res?.headers()['content-security-policy'] ?? ''
      expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/)
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
      // hydrated: Astro removes `ssr` from the island once React has taken over, and the form checks input in the browser
      await expect.poll(() => page.locator('astro-island').first().getAttribute('ssr')).toBeNull()
      await page.getByLabel('Số điện thoại').fill('12345')
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click()
      await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Số điện thoại không hợp lệ')
      expect(posts).toEqual([])
      const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
      expect(await violations()).toEqual([])

      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'document.body.dataset.injected = "ran"'
        document.body.append(script)
      })
      expect(await page.evaluate(() => document.body.dataset.injected ?? null)).toBeNull()
      expect(await violations()).toEqual([expect.stringMatching(/^script-src-elem inline/)])
      await context.close()
    })

    /** Each request target (sent as is, not normalised by a URL parser) is answered 301 to that location. */
    const expectRedirects = async (cases: [string, string][]) => {
      for (const [target, location] of cases) {
        const res = await rawRequest(server.url, { method: 'GET', path: target, headers: {} })
        expect([res.status, res.headers.location], target).toEqual([301, location])
      }
    }

    it('keeps redirects on this origin: //evil.example and /\\evil.example go to the path /evil.example', async () => {
      await expectRedirects([
        ['//evil.example', '/evil.example'],
        ['/\\evil.example', '/evil.example'],
        ['//evil.example/', '/evil.example/'],
        ['//evil.example/x?y=1', '/evil.example/x/?y=1'],
        ['///evil.example//x', '/evil.example/x/'],
      ])
    })

    it('sends other spellings of a page to its canonical path instead of rendering and caching them again', async () => {
      const first = await fetch(`${server.url}/chien-dich/`)
      expect(first.status).toBe(200)
      const again = await fetch(`${server.url}/chien-dich/`)
      expect(again.headers.get('x-cache')).toBe('hit')
      await expectRedirects([
        ['/chien-dich//', '/chien-dich/'],
        ['/%63hien-dich/', '/chien-dich/'],
        ['//chien-dich', '/chien-dich/'],
        ['/chien-dich?trang=2', '/chien-dich/?trang=2'],
        ['/en//news/', '/en/news/'],
      ])
    })
  })

  describe('staff login and forgotten passwords', () => {
    it('answers 429 with Retry-After from the 6th wrong password from one address; the right password still logs in from another address and from a known device at that address', async () => {
      const email = 'coordinator@demo.treem.vn'
      const office = await login(email, DEMO_PASSWORD, '198.18.2.1')
      expect(office.status).toBe(200)
      const device = deviceCookieOf(office)

      const stranger = '198.18.2.66'
      const answers: Response[] = []
      for (let i = 0; i < 6; i++) answers.push(await login(email, 'sai-mat-khau', stranger))
      expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429])
      const limited = answers[5]
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(60)
      expect(((await limited?.json()) as { errors: { message: string }[] }).errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Quá nhiều lần đăng nhập không thành công\. Hãy thử lại sau \d+ phút\.$/)])

      expect((await login(email, DEMO_PASSWORD, stranger)).status).toBe(429) // that address waits, even with the right password
      expect((await login(email, DEMO_PASSWORD, '198.18.2.2')).status).toBe(200) // another address
      expect(device).toMatch(/^treem-device-[\w-]+=/)
      expect((await login(email, DEMO_PASSWORD, stranger, device)).status).toBe(200) // the staff member's own browser on that (shared) network
    })

    it('does not let a stranger guessing from many addresses lock a staff member out of a browser they used before', async () => {
      const email = 'judge@demo.treem.vn'
      const device = deviceCookieOf(await login(email, DEMO_PASSWORD, '198.18.3.1'))
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await login(email, 'sai-mat-khau', `198.18.4.${i}`)).status)
      expect(statuses).toEqual(Array<number>(20).fill(401))
      expect((await login(email, DEMO_PASSWORD, '198.18.5.1')).status).toBe(429) // a browser new to the account waits
      expect(device).toMatch(/^treem-device-/)
      const own = await login(email, DEMO_PASSWORD, '198.18.5.2', device)
      expect(own.status).toBe(200)
      expect(deviceCookieOf(own).split('=')[1]?.split('.')[0]).toBe(device.split('=')[1]?.split('.')[0]) // the same device, renewed
    })

    it('answers an unknown and a known email alike, after the same password-hashing work (REST and GraphQL)', async () => {
      const pid = server.child.pid ?? 0
      const batch = async (email: string, block: number) => {
        await login(email, 'sai-mat-khau', `198.18.${block}.250`) // warm-up
        const ms: number[] = []
        const answers: string[] = []
        const ticks = await cpuTicks(pid)
        for (let i = 0; i < 6; i++) {
          const started = performance.now()
          const res = await login(email, 'sai-mat-khau', `198.18.${block}.${i}`)
          answers.push(`${res.status} ${withoutStack(await res.text())}`)
          ms.push(performance.now() - started)
        }
        return { ms: median(ms), cpu: (await cpuTicks(pid)) - ticks, answers }
      }
      const unknown = await batch('khong.co.ai@demo.treem.vn', 11)
      const known = await batch('editor@demo.treem.vn', 12)
      process.stdout.write(`[login] wrong password, median ms / server CPU ticks over 6: unknown email ${unknown.ms.toFixed(1)} / ${unknown.cpu}, known email ${known.ms.toFixed(1)} / ${known.cpu}\n`)
      expect(new Set([...unknown.answers, ...known.answers]).size).toBe(1)
      expect(unknown.answers[0]).toMatch(/^401 /)
      // the hashing work is done for an unknown email too (without it: a few ticks against dozens)
      expect(unknown.cpu).toBeGreaterThan(known.cpu / 2)
      expect(Math.max(unknown.ms, known.ms) / Math.min(unknown.ms, known.ms)).toBeLessThan(3)

      const gql = (email: string, from: string) => graphql(`mutation { loginUser(email: "${email}", password: "sai-mat-khau") { token } }`, from)
      const [g1, g2] = [await gql('khong.co.ai@demo.treem.vn', '198.18.13.1'), await gql('editor@demo.treem.vn', '198.18.13.2')]
      expect(withoutStack(JSON.stringify(g1.body))).toBe(withoutStack(JSON.stringify(g2.body)))
      expect(g1.body.errors?.[0]?.extensions?.statusCode).toBe(401)
    })

    it('answers a forgotten-password request at once, alike for a known and an unknown email; only the known one gets the email, afterwards', async () => {
      const samples = { known: [] as number[], unknown: [] as number[] }
      const answers = new Set<string>()
      const allMailSent = () =>
        expect.poll(async () => (await api<{ totalDocs: number }>(server.url, admin, '/email-outbox?where[status][not_equals]=sent&limit=0')).totalDocs, { timeout: 60_000 }).toBe(0)
      const ask = async (email: string, from: string, into: number[]) => {
        const started = performance.now()
        const res = await forgot(email, from)
        answers.add(`${res.status} ${await res.text()}`)
        into.push(performance.now() - started)
      }
      // One request per account (Payload sends one email per account per 15 s), in pairs with an
      // unknown email, in turn first and second (the work behind the first one's answer runs
      // during the second one); the pair's email is awaited before the next pair is timed.
      const staff = ['admin', 'editor', 'coordinator', 'judge', 'responder'].map((who) => `${who}@demo.treem.vn`)
      for (const [i, email] of staff.entries()) {
        const pair: [string, string, number[]][] = [
          [email, `198.18.14.${i}`, samples.known],
          [`khong.co.ai.${i}@demo.treem.vn`, `198.18.15.${i}`, samples.unknown],
        ]
        for (const [who, from, into] of i % 2 ? pair.reverse() : pair) await ask(who, from, into)
        const mail = await smtp.waitFor((m) => JSON.stringify(m.to ?? '').includes(email) && m.subject === 'Đặt lại mật khẩu / Reset your password', 60_000)
        expect(mail.html).toContain('/admin/reset/')
        await allMailSent() // the mail worker's own writes are done before the next pair is timed
      }
      // At once: the answer does not wait for the database. While another connection holds the
      // server's SQLite file for writing, both answers still come (the work waits, and is done
      // after). First the mail above is let through, so the server has nothing of its own to write.
      await allMailSent()
      const db = createClient({ url: `file:${path.join(server.dir, 'site.db')}` })
      await db.execute('PRAGMA busy_timeout = 10000')
      const busy = await db.transaction('write')
      let held = true
      const release = async () => {
        if (!held) return
        held = false
        await busy.rollback()
      }
      const safety = setTimeout(() => void release(), 8_000) // never wait for ever: past this, the answers came too late
      const whileBusy = await Promise.all(
        [forgot('editor@demo.treem.vn', '198.18.15.20'), forgot('khong.co.ai@demo.treem.vn', '198.18.15.21')].map((p) => p.then(async (r) => `${held ? 'while busy' : 'after'}: ${r.status} ${await r.text()}`)),
      )
      clearTimeout(safety)
      await release()
      db.close()
      expect(whileBusy).toEqual([expect.stringMatching(/^while busy: 200 \{"message":"[^"]+"\}$/), whileBusy[0]])

      const [known, unknown] = [median(samples.known), median(samples.unknown)]
      process.stdout.write(`[forgot-password] median ms: known email ${known.toFixed(1)} (${samples.known.map((m) => m.toFixed(0)).join(', ')}), unknown email ${unknown.toFixed(1)} (${samples.unknown.map((m) => m.toFixed(0)).join(', ')})\n`)
      expect([...answers]).toEqual([expect.stringMatching(/^200 \{"message":"[^"]+"\}$/)])
      expect(Math.max(unknown, known) / Math.min(unknown, known)).toBeLessThan(3)
      expect(smtp.messages.filter((m) => JSON.stringify(m.to ?? '').includes('khong.co.ai'))).toEqual([])

      const gql = (email: string, from: string) => graphql(`mutation { forgotPasswordUser(email: "${email}") }`, from)
      const [g1, g2] = [await gql('coordinator@demo.treem.vn', '198.18.16.1'), await gql('khong.co.ai@demo.treem.vn', '198.18.16.2')]
      expect([g1.body, g2.body]).toEqual([{ data: { forgotPasswordUser: true } }, { data: { forgotPasswordUser: true } }])
    })

    it('counts GraphQL logins and password resets with REST ones: GraphQL is no way around the throttle', async () => {
      const email = 'responder@demo.treem.vn'
      const from = '198.18.17.1'
      for (let i = 0; i < 3; i++) expect((await login(email, 'sai-mat-khau', from)).status).toBe(401)
      const viaGraphql = []
      for (let i = 0; i < 3; i++) viaGraphql.push(await graphql(`mutation { loginUser(email: "${email}", password: "sai-mat-khau") { token } }`, from))
      expect(viaGraphql.map((g) => g.body.errors?.[0]?.extensions?.statusCode)).toEqual([401, 401, 429])
      expect(viaGraphql[2]?.body.errors?.[0]?.message).toMatch(/^Quá nhiều lần đăng nhập không thành công/)
      expect(Number(viaGraphql[2]?.res.headers.get('retry-after'))).toBeGreaterThan(0)

      const resets = '198.18.18.1'
      const answers: unknown[] = []
      for (let i = 0; i < 3; i++) answers.push((await graphql(`mutation { forgotPasswordUser(email: "khong.co.ai@demo.treem.vn") }`, resets)).body.errors?.[0]?.extensions?.statusCode ?? 200)
      for (let i = 0; i < 3; i++) answers.push((await forgot('khong.co.ai@demo.treem.vn', resets)).status)
      expect(answers).toEqual([200, 200, 200, 200, 200, 429])
    })

    it('still logs staff in through the admin login page, which leaves the browser a known device of the account', async () => {
      const context = await browser.newContext({ locale: 'vi-VN', extraHTTPHeaders: { 'x-forwarded-for': '198.18.19.1' } })
      const page = await context.newPage()
      await page.goto(`${server.url}/admin/login`, { waitUntil: 'networkidle' })
      await page.locator('#field-email').fill('editor@demo.treem.vn')
      await page.locator('#field-password').fill(DEMO_PASSWORD)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'), { timeout: 30_000 })
      const device = (await context.cookies()).find((c) => c.name.startsWith('treem-device-'))
      expect(device && { path: device.path, httpOnly: device.httpOnly, sameSite: device.sameSite }).toEqual({ path: '/api', httpOnly: true, sameSite: 'Strict' })
      await context.close()
    })
  })
})
