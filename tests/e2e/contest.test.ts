/**
 * Drawing contests through the real server, on a phone without JavaScript (360 × 640): the open
 * demo contest's page with its countdown and categories, the entry form with a photo the phone
 * took sideways (EXIF orientation), the answer (reference, category, age, where the confirmation
 * went, the private link), the family's page (its own picture upright and without metadata, the
 * data download, withdrawing publication and the entry); the same child a second time refused in
 * Vietnamese with nothing stored; a teacher sending two pupils' entries in a row; a web page
 * renamed .jpg refused as no picture. Over HTTP: a post from another site is 403, a body over the
 * entry's 16 MB is 413 before it is read, a picture near the 15 MB limit goes through.
 */
import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import sharp from 'sharp'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entryFormOf, issueFormToken } from '../../cms/services/form-guard'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { fillEntry, noisyPng, openContest, phoneJpeg, type TestContest } from '../helpers/contest'
import { freePort } from '../helpers/ports'
import { type RunningServer, startServer } from '../helpers/server'
import { createSmtp, type TestSmtp } from '../helpers/smtp'
import { adminToken, api, newKey, TEST_SECRET } from '../helpers/signup'

const skip = browserSkipReason()
const MB = 1024 * 1024

type StoredEntry = { id: number; reference: string; status: string; category: string; submittedBy: string; child: { givenName: string; school: string; age: number }; consents: { purpose: string; grantedBy: string; withdrawnAt?: string | null }[]; artwork?: { large?: { file?: string | null; width?: number | null; height?: number | null } } }

/** A request sent piece by piece: the answer is read as soon as it comes, even while the body is still being sent. */
function rawRequest(url: string, options: { path: string; headers: Record<string, string | number>; chunks: Buffer[]; pauseAfterFirst?: boolean }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = http.request({ hostname, port, method: 'POST', path: options.path, headers: options.headers, agent: false })
    let answered = false
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
        resolve({ status: res.statusCode ?? 0, body })
        req.destroy()
      })
    })
    req.on('error', (err) => {
      if (!answered) reject(err)
    })
    const send = async () => {
      for (const chunk of options.chunks) {
        if (answered || req.destroyed) return
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
        if (options.pauseAfterFirst) return
      }
      if (!answered) req.end()
    }
    send().catch(() => undefined)
  })
}

describe.skipIf(skip)('drawing contests', () => {
  let server: RunningServer
  let smtp: TestSmtp
  let browser: Browser
  let admin: string
  let contest: TestContest
  const contexts: BrowserContext[] = []
  let jpeg: Buffer
  let commune = ''

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    await smtp.start()
    ;[server, browser, jpeg] = await Promise.all([
      startServer({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PAYLOAD_SECRET: TEST_SECRET, FORM_MIN_SECONDS: '0', TRUST_PROXY: '1' } }),
      launchBrowser(),
      phoneJpeg(),
    ])
    admin = await adminToken(server.url)
    contest = await openContest(server.url, admin)
    commune = String((await api<{ docs: { id: number }[] }>(server.url, admin, '/areas?where[level][equals]=commune&limit=1&depth=0')).docs[0]?.id ?? '')
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.stop()
    await smtp?.stop()
  })

  /** A cheap phone (without JavaScript unless asked), from its own address (the per-address rate limit counts apart). */
  const phone = async (address: string, lang: 'vi' | 'en' = 'vi', javaScript = false): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, javaScriptEnabled: javaScript, locale: lang === 'vi' ? 'vi-VN' : 'en-GB', extraHTTPHeaders: { 'x-forwarded-for': address } })
    contexts.push(context)
    return context.newPage()
  }
  const entriesOf = async (givenName: string) =>
    (await api<{ docs: StoredEntry[] }>(server.url, admin, `/entries?where[contest][equals]=${contest.id}&where[child.givenName][equals]=${encodeURIComponent(givenName)}&depth=0&limit=0`)).docs
  const artworkFiles = async () => (await fs.readdir(path.join(server.dir, 'media', 'artworks')).catch(() => [])).sort()
  const picture = () => ({ name: 'tranh.jpg', mimeType: 'image/jpeg', buffer: jpeg })
  const text = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ')
  const categoryOf = (min: number) => contest.categories.find((c) => c.minAge === min)?.id

  it('a family on a phone without JavaScript reads the contest, sends a picture taken sideways, gets the reference and category, and manages the entry', async () => {
    const page = await phone('203.0.113.60')
    await page.goto(`${server.url}/cuoc-thi/`)
    await page.getByRole('link', { name: contest.title }).click()
    const contestText = await text(page)
    expect(contestText).toMatch(/Còn \d+ ngày — hạn cuối 17:00 ngày 15\/05\/2027/)
    for (const category of ['6–8 tuổi', '9–11 tuổi', '12–15 tuổi']) expect(contestText).toContain(category)
    expect(contestText).toContain('Tuổi của em được tính vào ngày 01/06/2027.')
    expect(await page.locator('script').count()).toBe(0)

    await page.getByRole('link', { name: 'Gửi tranh dự thi' }).click()
    expect(new URL(page.url()).pathname).toBe(`/cuoc-thi/${contest.slug}/gui-tranh/`)
    const filesBefore = await artworkFiles()
    await fillEntry(page, picture(), { familyName: 'Nguyễn Thị', givenName: 'Lan', birthDate: '15/03/2018', school: 'Trường Tiểu học Tân An', className: '3A' }, {
      contact: { name: 'Nguyễn Văn Bố', email: 'bo.nguyen@example.vn' },
      publication: true,
      communeIndex: 1,
    })
    await page.getByRole('button', { name: 'Gửi bài dự thi' }).click()
    await page.locator('.reference').waitFor()
    const answer = await text(page)
    const reference = (await page.locator('.reference').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^VE-[2-9A-HJKMNP-TW-Z]{6}$/)
    expect(answer).toContain('Đã nhận bài dự thi!')
    expect(await page.locator('.entry-answer .facts').innerText()).toMatch(/^Bảng thi\s+(Bảng B: )?9–11 tuổi\s+Tuổi của em\s+9 tuổi \(tính vào ngày 01\/06\/2027\)$/)
    expect(answer).toContain('Thư xác nhận được gửi đến bo***@example.vn.')

    const [stored] = await entriesOf('Lan')
    expect(stored).toMatchObject({ reference, status: 'submitted', category: categoryOf(9), submittedBy: 'guardian', child: { age: 9, school: 'Trường Tiểu học Tân An' } })
    expect(stored?.consents.map((c) => `${c.purpose}:${c.grantedBy}`).sort()).toEqual(['participation:child', 'participation:guardian', 'publication:child', 'publication:guardian'])
    // the picture, turned upright (the phone stored it sideways)
    expect(stored?.artwork?.large?.height).toBeGreaterThan(stored?.artwork?.large?.width ?? Infinity)
    expect((await artworkFiles()).length).toBe(filesBefore.length + 2)

    // the family's private page: its own small picture, upright and without metadata, never kept by a cache
    await page.getByRole('link', { name: 'Mở trang quản lý bài' }).click()
    const managePath = new URL(page.url()).pathname
    // the confirmation brings the same private link
    const mail = await smtp.waitFor((m) => (m.subject ?? '').includes(reference), 60_000)
    expect(mail.subject).toBe(`Đã nhận bài dự thi ${reference} / Entry received: ${contest.title}`)
    expect(JSON.stringify(mail.to)).toContain('bo.nguyen@example.vn')
    expect(mail.html).toContain(`${server.url}${managePath}`)
    expect(managePath).toMatch(/^\/bai-du-thi\/[A-Za-z0-9_-]{43}\/$/)
    expect(await text(page)).toContain(reference)
    expect(await text(page)).toContain('Được công bố: khi có kết quả, bức tranh có thể được công bố kèm "Lan N., 9 tuổi,')
    const img = await fetch(`${server.url}${managePath}tranh.webp`)
    expect(img.status).toBe(200)
    expect(img.headers.get('content-type')).toBe('image/webp')
    expect(img.headers.get('cache-control')).toBe('no-store')
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata()
    expect(meta.format).toBe('webp')
    expect(meta.height).toBeGreaterThan(meta.width)
    expect(meta.exif).toBeUndefined()
    expect((await fetch(`${server.url}/bai-du-thi/${'x'.repeat(43)}/tranh.webp`)).status).toBe(404)

    const data = (await (await fetch(`${server.url}${managePath}data.json`)).json()) as { reference: string; child: { givenName: string }; consents: unknown[] }
    expect(data).toMatchObject({ reference, child: { givenName: 'Lan' } })
    expect(data.consents).toHaveLength(4)
    expect(JSON.stringify(data)).not.toMatch(/manageTokenHash|idempotencyKey|childKey/)

    await page.getByRole('button', { name: 'Rút lại sự đồng ý công bố' }).click()
    expect(await text(page)).toContain('Đã rút lại sự đồng ý công bố.')
    expect(await text(page)).toMatch(/Không công bố: bài vẫn dự thi; công chúng chỉ thấy "một thí sinh đến từ [^"]+"/)
    expect((await entriesOf('Lan'))[0]?.consents.filter((c) => c.purpose === 'publication' && c.withdrawnAt)).toHaveLength(2)
    expect(await page.getByRole('button', { name: 'Rút lại sự đồng ý công bố' }).count()).toBe(0)
  })

  it('the same child sent a second time (one entry per child) is refused in Vietnamese, and nothing is stored; once the first is withdrawn, the child may send again', async () => {
    const page = await phone('203.0.113.61')
    const child = { familyName: 'Trần Văn', givenName: 'Bình', birthDate: '02/09/2016', school: 'Trường Tiểu học Long An' }
    const send = async () => {
      await page.goto(`${server.url}/cuoc-thi/${contest.slug}/gui-tranh/`)
      await fillEntry(page, picture(), child, { contact: { name: 'Trần Thị Mẹ', phone: '0912 345 678' }, communeIndex: 2 })
      await page.getByRole('button', { name: 'Gửi bài dự thi' }).click()
      await page.locator('.reference, .form-notice, .error-summary').first().waitFor()
    }
    await send()
    const first = (await page.locator('.reference').textContent())?.trim()
    expect(first).toMatch(/^VE-/)
    expect(await text(page)).toContain('Không có thư điện tử: hãy lưu lại đường dẫn này.')
    const manage = await page.getByRole('link', { name: 'Mở trang quản lý bài' }).getAttribute('href')
    const files = await artworkFiles()

    await send()
    expect(await page.locator('.reference').count()).toBe(0)
    expect(await page.locator('.form-notice').innerText()).toBe('Em này đã gửi 1 bài — số bài tối đa mỗi em được gửi cho cuộc thi này. Bài mới không được lưu. Muốn thay tranh, hãy rút bài đã gửi qua đường dẫn quản lý rồi gửi lại.')
    // what was typed comes back, never the picture
    expect(await page.locator('input[name="child.givenName"]').inputValue()).toBe('Bình')
    expect(await page.locator('input[name="picture"]').inputValue()).toBe('')
    expect((await entriesOf('Bình')).map((e) => e.reference)).toEqual([first])
    expect(await artworkFiles()).toEqual(files)

    // withdrawn (the box must be ticked), the entry gives its place back
    await page.goto(`${server.url}${manage}`)
    await page.getByRole('button', { name: 'Rút bài' }).click()
    expect(await text(page)).toContain('Hãy đánh dấu ô xác nhận trước khi rút bài.')
    await page.getByLabel('Tôi muốn rút bài dự thi này').check()
    await page.getByRole('button', { name: 'Rút bài' }).click()
    expect(await text(page)).toContain('Đã rút bài dự thi.')
    expect(await page.getByRole('button', { name: 'Rút bài' }).count()).toBe(0)
    await send()
    const again = (await page.locator('.reference').textContent())?.trim()
    expect(again).toMatch(/^VE-/)
    expect(again).not.toBe(first)
    expect((await entriesOf('Bình')).map((e) => e.status).sort()).toEqual(['submitted', 'withdrawn'])
  })

  it('a teacher sends two pupils\u2019 entries in a row: the second form comes with the school, class, commune and sender filled in', async () => {
    const page = await phone('203.0.113.62')
    await page.goto(`${server.url}/cuoc-thi/${contest.slug}/gui-tranh/`)
    const teacher = { name: 'Cô Lê Thị Hoa', phone: '0987 654 321', email: 'hoa.le@truong.example.vn' }
    await fillEntry(page, picture(), { familyName: 'Phạm Minh', givenName: 'Khôi', birthDate: '2019-01-20', school: 'Trường Tiểu học Khánh Hậu', className: '2B' }, { contact: teacher, by: 'school', communeIndex: 3 })
    const area = await page.locator('select[name="child.area"]').inputValue()
    await page.getByRole('button', { name: 'Gửi bài dự thi' }).click()
    await page.locator('.reference').waitFor()
    const first = (await page.locator('.reference').textContent())?.trim()
    expect(await page.locator('.entry-answer .facts').innerText()).toMatch(/6–8 tuổi\s+Tuổi của em\s+8 tuổi/)
    expect(await text(page)).toContain('Gửi bài của học sinh tiếp theo')

    const next = page.locator('form.entry-form')
    expect(await next.locator('input[name="child.school"]').inputValue()).toBe('Trường Tiểu học Khánh Hậu')
    expect(await next.locator('input[name="child.className"]').inputValue()).toBe('2B')
    expect(await next.locator('select[name="child.area"]').inputValue()).toBe(area)
    expect(await next.locator('input[name="submittedBy"][value="school"]').isChecked()).toBe(true)
    expect(await next.locator('input[name="contact.email"]').inputValue()).toBe(teacher.email)
    expect(await next.locator('input[name="child.givenName"]').inputValue()).toBe('')
    expect(await next.locator('input[name="consent.participation"]').isChecked()).toBe(false)

    await fillEntry(page, picture(), { familyName: 'Võ Thị', givenName: 'Mai', birthDate: '11/11/2014' }, { title: 'Cánh đồng lúa' })
    await page.getByRole('button', { name: 'Gửi bài dự thi' }).click()
    await page.locator('.reference').waitFor()
    const second = (await page.locator('.reference').textContent())?.trim()
    expect(second).toMatch(/^VE-/)
    expect(second).not.toBe(first)
    expect(await page.locator('.entry-answer .facts').innerText()).toMatch(/12–15 tuổi\s+Tuổi của em\s+12 tuổi/)
    const [mai] = await entriesOf('Mai')
    expect(mai).toMatchObject({ submittedBy: 'school', category: categoryOf(12), child: { school: 'Trường Tiểu học Khánh Hậu' } })
  })

  it('a web page renamed .jpg is refused as no picture, beside the picture field, with nothing stored', async () => {
    const page = await phone('203.0.113.63')
    await page.goto(`${server.url}/cuoc-thi/${contest.slug}/gui-tranh/`)
    const files = await artworkFiles()
    await fillEntry(page, { name: 'tranh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><html><body><h1>Không phải ảnh</h1></body></html>') }, { familyName: 'Đỗ', givenName: 'Tùng', birthDate: '01/01/2017', school: 'Trường Tiểu học Kiến Tường' }, { contact: { name: 'Đỗ Văn Cha', phone: '0912000111' }, communeIndex: 1 })
    const response = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Gửi bài dự thi' }).click()
    expect((await response).status()).toBe(400)
    expect(await page.locator('#picture-error').innerText()).toBe('Tệp này không phải ảnh JPEG, PNG hay WebP. Hãy gửi ảnh chụp hoặc bản quét bức tranh.')
    expect(await page.locator('input[name="child.school"]').inputValue()).toBe('Trường Tiểu học Kiến Tường')
    expect(await entriesOf('Tùng')).toEqual([])
    expect(await artworkFiles()).toEqual(files)
  })

  it('has no accessibility violations on the entry form, the form with errors, the answer with the next pupil\u2019s form and the entry\u2019s page (axe, WCAG 2.1 AA), in both languages', async () => {
    const found: string[] = []
    const sweep = async (page: Page, what: string) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
      for (const v of result.violations) found.push(`${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)
    }
    for (const [lang, path, submit, given] of [
      ['vi', `/cuoc-thi/${contest.slug}/gui-tranh/`, 'Gửi bài dự thi', 'Quân'],
      ['en', `/en/contests/${contest.slug}/enter/`, 'Send the entry', 'Quyên'],
    ] as const) {
      // axe runs its own script in the page (the pages have none of their own)
      const page = await phone(lang === 'vi' ? '203.0.113.64' : '203.0.113.65', lang, true)
      await page.goto(`${server.url}${path}`)
      await sweep(page, `${lang} form`)
      await fillEntry(page, picture(), { familyName: 'Lý', givenName: given, birthDate: '31/02/2016', school: 'Trường Tiểu học Tân Ninh', className: '4C' }, { contact: { name: 'Cô Thu', phone: '123' }, by: 'school', communeIndex: 4 })
      await page.getByRole('button', { name: submit }).click()
      await page.locator('.error-summary').waitFor()
      await sweep(page, `${lang} form with errors`)
      await page.locator('input[name="picture"]').setInputFiles(picture())
      await page.locator('input[name="child.birthDate"]').fill('28/02/2016')
      await page.locator('input[name="contact.phone"]').fill('0912 345 000')
      await page.getByRole('button', { name: submit }).click()
      await page.locator('.reference').waitFor()
      await sweep(page, `${lang} answer with the next form`)
      await page.locator('.entry-answer a').click()
      await page.locator('article.manage').waitFor()
      await sweep(page, `${lang} entry page`)
    }
    expect(found).toEqual([])
  })

  it("shows the finished demo contest's winners and gallery: pictures and names only where the family agreed, the others as a participant from their commune, no child's full name", async () => {
    type Finished = { id: number; slug: string }
    const [finished] = (await api<{ docs: Finished[] }>(server.url, admin, '/contests?where[slug][equals]=uoc-mo-cua-em-2026&depth=0&limit=1')).docs
    expect(finished).toBeTruthy()
    type Judged = StoredEntry & { child: StoredEntry['child'] & { familyName: string }; award?: { rank?: number | null } | null }
    const entries = (await api<{ docs: Judged[] }>(server.url, admin, `/entries?where[contest][equals]=${finished?.id}&where[status][equals]=submitted&depth=0&limit=0`)).docs
    const agreed = (e: Judged) => ['guardian', ...(e.child.age >= 7 ? ['child'] : [])].every((by) => e.consents.some((c) => c.purpose === 'publication' && c.grantedBy === by && !c.withdrawnAt))
    const winners = entries.filter((e) => e.award?.rank)
    expect(winners.length).toBeGreaterThan(0)

    const page = await phone('203.0.113.66')
    await page.goto(`${server.url}/cuoc-thi/uoc-mo-cua-em-2026/`)
    const results = page.locator('#results')
    const shown = await results.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''))
    expect(shown).toHaveLength(entries.filter(agreed).length)
    for (const src of shown) {
      expect(src).toMatch(/^\/api\/gallery\/file\/[^/]+\.webp$/)
      const res = await fetch(`${server.url}${src}`)
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/webp'])
    }
    const words = (await results.innerText()).replace(/\s+/g, ' ')
    expect(words.match(/Một thí sinh đến từ/g) ?? []).toHaveLength(winners.filter((e) => !agreed(e)).length)
    for (const e of entries) expect(words).not.toContain(`${e.child.familyName} ${e.child.givenName}`)
  })

  it('a withdrawal reaches every kept page at once: the picture and name leave the results in both languages, and the picture answers 404', async () => {
    type File = { file?: string | null } | null
    type Shown = { id: number; child: { givenName: string; familyName: string }; gallery?: { small?: File; large?: File; share?: File } | null }
    const [finished] = (await api<{ docs: { id: number }[] }>(server.url, admin, '/contests?where[slug][equals]=uoc-mo-cua-em-2026&depth=0&limit=1')).docs
    const shownEntries = (await api<{ docs: Shown[] }>(server.url, admin, `/entries?where[contest][equals]=${finished?.id}&where[gallery.small.file][exists]=true&depth=0&limit=0`)).docs
    // a winner with a share image if there is one (the page may use it as its own share image)
    const entry = shownEntries.find((e) => e.gallery?.share?.file) ?? shownEntries[0]
    const share = entry?.gallery?.share?.file ?? null
    const small = entry?.gallery?.small?.file ?? ''
    const large = entry?.gallery?.large?.file ?? ''
    expect(small).toMatch(/\.webp$/)
    const pages = ['/cuoc-thi/uoc-mo-cua-em-2026/', '/en/contests/uoc-mo-cua-em-2026/']
    const name = `${entry?.child.givenName} ${entry?.child.familyName.charAt(0)}.`
    const times = (html: string) => html.split(name).length - 1
    // both pages kept: the second request of each comes from memory
    const before: number[] = []
    for (const p of pages) {
      for (let i = 0; i < 2; i++) expect(await (await fetch(`${server.url}${p}`)).text()).toContain(small)
      before.push(times(await (await fetch(`${server.url}${p}`)).text()))
    }
    expect(before.every((n) => n > 0)).toBe(true)
    expect((await fetch(`${server.url}/api/gallery/file/${small}`)).status).toBe(200)
    // the picture's own page, listed in the sitemap, in both languages
    const picture = large.replace(/\.webp$/, '')
    const picturePages = [`/cuoc-thi/uoc-mo-cua-em-2026/tranh/${picture}/`, `/en/contests/uoc-mo-cua-em-2026/pictures/${picture}/`]
    for (const p of picturePages) expect((await fetch(`${server.url}${p}`)).status).toBe(200)
    expect(await (await fetch(`${server.url}/sitemap.xml`)).text()).toContain(picturePages[0])

    // the family asked the organisers by phone
    const res = await fetch(`${server.url}/api/entries/${entry?.id}/withdraw-publication`, { method: 'POST', headers: { authorization: `JWT ${admin}`, origin: server.url } })
    expect(res.status).toBe(200)

    for (const [i, p] of pages.entries()) {
      const html = await (await fetch(`${server.url}${p}`)).text()
      expect(html).not.toContain(small)
      expect(html).not.toContain(large)
      if (share) expect(html).not.toContain(share)
      // the child's name went with the picture (another demo child may share it: fewer, not none)
      expect(times(html)).toBeLessThan(before[i] ?? 0)
    }
    for (const p of picturePages) expect((await fetch(`${server.url}${p}`)).status).toBe(404)
    expect(await (await fetch(`${server.url}/sitemap.xml`)).text()).not.toContain(picturePages[0])
    for (const file of [small, large, ...(share ? [share] : [])]) expect((await fetch(`${server.url}/api/gallery/file/${file}`)).status).toBe(404)
    // and the files are gone from the disk; the jury's private copy stays for the record
    expect(await fs.stat(path.join(server.dir, 'media', 'artworks', small)).catch(() => null)).toBeNull()
  })

  describe('over HTTP', () => {
    const boundary = 'entry-boundary'
    const form = (fields: Record<string, string>, file: Buffer, type = 'image/png') =>
      Buffer.concat([
        ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="picture"; filename="tranh.png"\r\nContent-Type: ${type}\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
    const fields = (givenName: string) => ({
      contestId: String(contest.id),
      idempotencyKey: newKey(),
      formToken: issueFormToken(TEST_SECRET, entryFormOf(contest.id), new Date(Date.now() - 10_000)),
      website: '',
      title: 'Biển xanh',
      'child.familyName': 'Hồ',
      'child.givenName': givenName,
      'child.birthDate': '2017-06-30',
      'child.school': 'Trường Tiểu học Bình Minh',
      'child.area': commune,
      submittedBy: 'guardian',
      'contact.name': 'Hồ Văn Ba',
      'contact.phone': '0912345679',
      'consent.participation': 'on',
      'consent.childAssent': 'on',
    })
    const headers = (body: Buffer, extra: Record<string, string> = {}) => ({ origin: server.url, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, ...extra })
    const entryPath = () => `/cuoc-thi/${contest.slug}/gui-tranh/?_action=submitEntry`

    it('refuses a post from another site (403) and stores nothing', async () => {
      const body = form(fields('Nam'), jpeg, 'image/jpeg')
      const res = await fetch(`${server.url}${entryPath()}`, { method: 'POST', headers: { ...headers(body, { 'x-forwarded-for': '203.0.113.70' }), origin: 'https://evil.example', 'content-length': String(body.length) }, body })
      expect(res.status).toBe(403)
      expect(await entriesOf('Nam')).toEqual([])
    })

    it('answers a body over 16 MB with 413 before reading it, on the form\u2019s page in the family\u2019s language', async () => {
      const res = await rawRequest(server.url, {
        path: entryPath(),
        headers: { ...headers(Buffer.alloc(0)), 'content-length': 17 * MB, 'x-forwarded-for': '203.0.113.71' },
        chunks: [Buffer.from(`--${boundary}\r\n`)],
        pauseAfterFirst: true, // the rest never comes: only an answer that did not wait for it can arrive
      })
      expect(res.status).toBe(413)
      expect(res.body).toContain('Ảnh quá lớn: tối đa 15 MB.')
      expect(res.body).toContain('name="picture"')
      const rpc = await rawRequest(server.url, { path: '/_actions/submitEntry', headers: { ...headers(Buffer.alloc(0)), 'content-length': 17 * MB }, chunks: [Buffer.from('x')], pauseAfterFirst: true })
      expect(rpc.status).toBe(413)
      // sent without a length (chunked): counted as it arrives and cut off past 16 MB
      const chunked = await rawRequest(server.url, {
        path: entryPath(),
        headers: { origin: server.url, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked', 'x-forwarded-for': '203.0.113.73' },
        chunks: Array.from({ length: 17 * 16 }, () => Buffer.alloc(64 * 1024, 0x61)),
      })
      expect(chunked.status).toBe(413)
      expect(chunked.body).toBe('Nội dung gửi quá lớn: tối đa 16 MB.')
    })

    it('takes a picture of nearly 15 MB (the whole form under 16 MB)', async () => {
      const png = await noisyPng(13.9 * MB) // noise does not compress: the PNG is about 5 % larger than its pixels
      expect(png.length).toBeGreaterThan(14 * MB)
      expect(png.length).toBeLessThan(15 * MB)
      const body = form(fields('Hải'), png)
      const res = await rawRequest(server.url, { path: entryPath(), headers: headers(body, { 'x-forwarded-for': '203.0.113.72' }), chunks: [body] })
      expect(res.status).toBe(200)
      expect(res.body).toMatch(/class="reference">VE-[2-9A-HJKMNP-TW-Z]{6}</)
      expect((await entriesOf('Hải')).map((e) => e.status)).toEqual(['submitted'])
    })

    it('takes six such pictures sent at once (the server lets four in at a time, the others wait their turn)', async () => {
      const png = await noisyPng(13.9 * MB)
      const names = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu']
      const answers = await Promise.all(
        names.map((name, i) => {
          const body = form(fields(`Số ${name}`), png)
          return rawRequest(server.url, { path: entryPath(), headers: headers(body, { 'x-forwarded-for': `203.0.113.${80 + i}` }), chunks: [body] })
        }),
      )
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
      expect(answers.every((a) => /class="reference">VE-/.test(a.body))).toBe(true)
    })
  })
})
