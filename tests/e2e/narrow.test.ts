/**
 * Small phones and light pages: at a 320 px wide viewport no public page scrolls sideways
 * (every URL of the sitemap, the 404 page, the pledge form and its answer, the sign-up form in both languages with and without
 * JavaScript, with rows added, as a school with a class list read in, with the server's errors,
 * the result table and the manage page of a real sign-up, the contest entry form with the
 * server's errors, its answer with a teacher's next form, and an entry's private page); and the
 * sign-up page loads at most 75 KB of JavaScript, gzipped, all files added up, React included.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, launchBrowser } from '../helpers/browser'
import { pageScripts } from '../helpers/page-js'
import { type RunningServer, startServer } from '../helpers/server'
import { adminToken, api, createOpenEvent, TEST_SECRET } from '../helpers/signup'
import { fillEntry, openContest, phoneJpeg, type TestContest } from '../helpers/contest'

const skip = browserSkipReason()
const WIDTH = 320
/** The sign-up page's JavaScript budget: 75 KB gzipped, every file it loads (KB as 1,000 bytes, the stricter reading). */
const JS_BUDGET = 75_000

/** The page's width as the browser lays it out, and what sticks out furthest past the viewport. */
async function overflow(page: Page): Promise<{ width: number; widest: string }> {
  return page.evaluate((limit) => {
    const width = document.documentElement.scrollWidth
    let widest = ''
    let right = limit
    for (const el of document.body.querySelectorAll('*')) {
      // what a box scrolls inside itself does not widen the page
      let parent = el.parentElement
      let clipped = false
      while (parent && parent !== document.body) {
        if (getComputedStyle(parent).overflowX !== 'visible') clipped = true
        parent = parent.parentElement
      }
      const box = el.getBoundingClientRect()
      if (clipped || box.width === 0 || box.right < right) continue
      right = box.right
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)
      widest = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> right edge ${Math.round(box.right)} px, ${Math.round(box.width)} px wide: "${text}"`
    }
    return { width, widest }
  }, WIDTH)
}

describe.skipIf(skip)('narrow screens and light pages', () => {
  let server: RunningServer
  let browser: Browser
  let admin: string
  let event: { id: number; slug: string }
  let contest: TestContest
  const contexts: BrowserContext[] = []
  const tooWide: string[] = []

  const narrowPage = async (javaScript: boolean, lang: 'vi' | 'en' = 'vi') => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 640 }, javaScriptEnabled: javaScript, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' })
    contexts.push(context)
    return context.newPage()
  }
  /** Records the page if it is wider than the screen. */
  const measure = async (page: Page, what: string) => {
    const { width, widest } = await overflow(page)
    if (width > WIDTH) tooWide.push(`${what} (${new URL(page.url()).pathname}): ${width} px wide; widest: ${widest}`)
  }
  const signUpPath = (lang: 'vi' | 'en') => (lang === 'vi' ? `/su-kien/${event.slug}/dang-ky/` : `/en/events/${event.slug}/sign-up/`)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer({ env: { PAYLOAD_SECRET: TEST_SECRET, FORM_MIN_SECONDS: '0', SIGNUP_RATE_LIMIT: '100' } }), launchBrowser()])
    admin = await adminToken(server.url)
    const areas = await api<{ docs: { id: number; level: string }[] }>(server.url, admin, '/areas?limit=50&depth=0')
    // every field the form can show: areas, priority groups, photo consent; and a long organiser email
    event = await createOpenEvent(server.url, admin, {
      capacity: 30,
      eligibility: { minAge: 4, maxAge: 16, areas: areas.docs.filter((a) => a.level === 'commune').slice(0, 3).map((a) => a.id), priorityGroups: ['poor', 'near-poor', 'special-circumstances'] },
      consent: { guardian: 'Tôi đồng ý cho con tham gia lớp bơi.', childAssent: 'Em muốn học bơi.', photo: 'Cho phép chụp ảnh.' },
      organiser: { name: 'Ban tổ chức lớp bơi thử nghiệm', phone: '0276 3822 111', email: 'phongchongduoinuoc.treem.tanan@demo.tayninh.example.vn' },
    })
    contest = await openContest(server.url, admin)
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.stop()
  })

  it('loads at most 75 KB of JavaScript (gzipped, all files, React included) on the sign-up page', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const url = `${server.url}${signUpPath(lang)}`
      const scripts = await pageScripts(url)
      const files = scripts.files.map((f) => `${new URL(f.url).pathname} ${f.gzip} B gzipped (${f.raw} B raw)`).join('\n  ')
      process.stdout.write(`[narrow] ${signUpPath(lang)}: ${scripts.gzip} B gzipped (${scripts.raw} B raw) in ${scripts.files.length} files, inline ${scripts.inlineGzip} B gzipped\n  ${files}\n`)
      expect(scripts.files.length, 'the island and React are counted').toBeGreaterThanOrEqual(2)
      expect(scripts.gzip, files).toBeLessThanOrEqual(JS_BUDGET)

      // the browser loads nothing the count above missed
      const page = await narrowPage(true, lang)
      const loaded: string[] = []
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') loaded.push(r.url())
      })
      await page.goto(url, { waitUntil: 'networkidle' })
      await page.locator('button', { hasText: lang === 'vi' ? 'Thêm trẻ' : 'Add a child' }).waitFor() // hydrated
      expect(loaded.filter((u) => !scripts.files.some((f) => f.url === u))).toEqual([])
    }
  })

  it('fits every page of the sitemap and the 404 page into 320 px', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname)
    expect(urls.length).toBeGreaterThan(10)
    urls.push('/khong-co-trang-nay/', `/su-kien/${event.slug}/`, `/en/events/${event.slug}/`)
    const page = await narrowPage(false)
    for (const path of new Set(urls)) {
      await page.goto(`${server.url}${path}`)
      await measure(page, 'page')
    }
    expect(tooWide).toEqual([])
  })

  it('fits the sign-up form into 320 px in both languages, without JavaScript, with the server\'s errors', async () => {
    tooWide.length = 0
    for (const lang of ['vi', 'en'] as const) {
      const page = await narrowPage(false, lang)
      await page.goto(`${server.url}${signUpPath(lang)}`)
      await measure(page, `${lang} form without JavaScript`)
      // sent half filled: the server answers with its errors beside the fields
      await page.locator('input[name="guardian.name"]').fill('Nguyễn Thị Phụ Huynh Có Tên Rất Dài')
      await page.locator('input[name="guardian.phone"]').fill('12345')
      await page.locator('input[name="children.0.givenName"]').fill('An')
      await page.locator('button[type="submit"]').click()
      await page.locator('.error-summary').waitFor()
      await measure(page, `${lang} form with the server's errors`)
    }
    expect(tooWide).toEqual([])
  })

  it('fits the pledge form, its errors and its answer (VietQR, transfer details) into 320 px in both languages', async () => {
    tooWide.length = 0
    for (const lang of ['vi', 'en'] as const) {
      const page = await narrowPage(false, lang)
      await page.goto(`${server.url}${lang === 'vi' ? '/ung-ho/trung-thu-yeu-thuong-2027/cam-ket/' : '/en/donate/trung-thu-yeu-thuong-2027/pledge/'}`)
      await measure(page, `${lang} pledge form`)
      await page.locator('input[name="amount"]').fill('-5')
      await page.locator('input[name="donor.name"]').fill('Công ty Trách nhiệm hữu hạn Thương mại Dịch vụ Hưng Thịnh Phát')
      await page.locator('button[type="submit"]').click()
      await page.locator('.error-summary').waitFor()
      await measure(page, `${lang} pledge form with the server's errors`)
      await page.locator('input[name="amount"]').fill('1.000.000')
      await page.locator('input[name="donor.email"]').fill('phongcongtacxahoi.hungthinhphat@demo.example.vn')
      await page.locator('button[type="submit"]').click()
      await page.locator('.reference').waitFor()
      await measure(page, `${lang} pledge answer`)
    }
    expect(tooWide).toEqual([])
  })

  it('fits the sign-up form into 320 px with JavaScript: rows added, errors, a school with a class list', async () => {
    tooWide.length = 0
    for (const lang of ['vi', 'en'] as const) {
      const page = await narrowPage(true, lang)
      await page.goto(`${server.url}${signUpPath(lang)}`, { waitUntil: 'networkidle' })
      const add = page.locator('button', { hasText: lang === 'vi' ? 'Thêm trẻ' : 'Add a child' })
      for (let i = 0; i < 3; i++) await add.click()
      await expect.poll(() => page.locator('.child-row').count()).toBe(6)
      await measure(page, `${lang} form with rows added`)
      await page.locator('button[type="submit"]').click()
      await page.locator('.error-summary').waitFor()
      await measure(page, `${lang} form with the browser's errors`)
      await page.locator('input[name="submittedBy"][value="school"]').check()
      await page.locator('textarea').fill('Họ,Tên,Ngày sinh,Lớp\nNguyễn Văn,An,01/02/2017,3A\nTrần Thị Thu,Bình,03/04/2017,3A\nLê,Cường,,3A')
      await page.locator('button', { hasText: lang === 'vi' ? 'Đưa danh sách vào bảng' : 'Put the list into the table' }).click()
      await expect.poll(() => page.locator('.child-row').count()).toBe(3)
      await measure(page, `${lang} form as a school with a class list`)
    }
    expect(tooWide).toEqual([])
  })

  it('fits the result of a real sign-up and its manage page into 320 px', async () => {
    tooWide.length = 0
    const page = await narrowPage(true)
    await page.goto(`${server.url}${signUpPath('vi')}`, { waitUntil: 'networkidle' })
    await page.locator('input[name="guardian.name"]').fill('Võ Thị Mẹ')
    await page.locator('select[name="guardian.relationship"]').selectOption('mother')
    await page.locator('input[name="guardian.phone"]').fill('0912 345 678') // no email: the result shows the manage link
    await page.locator('select[name="childArea"]').selectOption({ index: 1 })
    const row = page.locator('.child-row').first()
    await row.locator('input[name$=".familyName"]').fill('Võ Thị Thanh')
    await row.locator('input[name$=".givenName"]').fill('Lan')
    await row.locator('input[name$=".birthDate"]').fill('2016-04-02')
    await row.locator('input[name$=".assent"]').check()
    await page.locator('input[name="guardianConsent"]').check()
    await page.locator('button[type="submit"]').click()
    await page.locator('.signup-result').waitFor()
    await measure(page, 'sign-up result')
    expect(await page.locator('.signup-result').innerText()).toMatch(/Có chỗ — số 1/)
    await page.locator('.signup-result a[href*="/quan-ly/"]').first().click()
    await page.locator('article.manage').waitFor()
    await measure(page, 'manage page')
    expect(tooWide).toEqual([])
  })

  it('fits the contest entry form, its errors, the answer with a teacher\'s next form, and the entry\'s page into 320 px in both languages', async () => {
    tooWide.length = 0
    const picture = { name: 'tranh-cua-em-rat-dai-ten-tep-anh-chup-tu-dien-thoai.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(800, 600) }
    for (const lang of ['vi', 'en'] as const) {
      const page = await narrowPage(false, lang)
      await page.goto(`${server.url}${lang === 'vi' ? `/cuoc-thi/${contest.slug}/gui-tranh/` : `/en/contests/${contest.slug}/enter/`}`)
      await measure(page, `${lang} entry form`)
      // passes the browser's own checks, not the server's: a phone number and a date that do not exist
      await fillEntry(page, picture, { familyName: 'Nguyễn Hoàng Phương', givenName: lang === 'vi' ? 'Thảo Nguyên' : 'Bảo Ngọc', birthDate: '31/02/2016', school: 'Trường Tiểu học và Trung học cơ sở Nguyễn Thị Minh Khai', className: '4A1' }, {
        contact: { name: 'Cô giáo Trần Thị Thanh Hương', phone: '12345', email: 'tranthithanhhuong.giaovien@truongtieuhoc.example.vn' },
        by: 'school',
        communeIndex: 1,
        publication: true,
      })
      await page.locator('button[type="submit"]').click()
      await page.locator('.error-summary').waitFor()
      await measure(page, `${lang} entry form with the server's errors`)
      await page.locator('input[name="picture"]').setInputFiles(picture)
      await page.locator('input[name="child.birthDate"]').fill('28/02/2016')
      await page.locator('input[name="contact.phone"]').fill('0912 345 678')
      await page.locator('button[type="submit"]').click()
      await page.locator('.reference').waitFor()
      await measure(page, `${lang} entry answer with the next pupil's form`)
      await page.locator('a[href*="/bai-du-thi/"], a[href*="/en/entry/"]').first().click()
      await page.locator('article.manage').waitFor()
      await measure(page, `${lang} entry page`)
    }
    expect(tooWide).toEqual([])
  })
})
