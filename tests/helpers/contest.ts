/**
 * Drawing contests for the browser tests: the open demo contest (from the demo content, or made
 * through the REST API as the demo admin while the demo content has none), pictures made with
 * sharp, and the entry form's fields as a browser without JavaScript fills them.
 */
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import type { Page } from 'playwright-core'
import { api } from './signup'

export const OPEN_CONTEST = 'uoc-mo-cua-em-2027'

export type TestContest = { id: number; slug: string; title: string; categories: { id: string; minAge: number; maxAge: number; prizes?: { id: string; count: number; reward?: string }[] }[] }

/** The open demo contest: entries 20/11/2026 – 15/05/2027 17:00 (Vietnam), ages on 01/06/2027, categories 6–8, 9–11, 12–15, one entry per child. */
export async function openContest(url: string, admin: string): Promise<TestContest> {
  const found = await api<{ docs: TestContest[] }>(url, admin, `/contests?where[slug][equals]=${OPEN_CONTEST}&depth=0&limit=1`)
  if (found.docs[0]) return found.docs[0]
  const created = await api<{ doc: TestContest }>(url, admin, '/contests?locale=vi', {
    method: 'POST',
    body: JSON.stringify({
      title: 'Ước mơ của em 2027',
      slug: OPEN_CONTEST,
      theme: 'Ước mơ của em',
      summary: 'Cuộc thi vẽ tranh dành cho thiếu nhi trong tỉnh nhân Tháng hành động vì trẻ em 2027.',
      medium: 'Giấy A4 hoặc A3; bút chì màu, sáp màu, màu nước.',
      opensAt: '2026-11-20T00:00:00.000+07:00',
      closesAt: '2027-05-15T17:00:00.000+07:00',
      ageOn: '2027-06-01T00:00:00.000Z',
      categories: [
        { minAge: 6, maxAge: 8, prizes: [{ label: 'Giải Nhất', count: 1, reward: '2.000.000 ₫' }] },
        { minAge: 9, maxAge: 11, prizes: [{ label: 'Giải Nhất', count: 1, reward: '2.000.000 ₫' }] },
        { minAge: 12, maxAge: 15, prizes: [{ label: 'Giải Nhất', count: 1, reward: '2.000.000 ₫' }] },
      ],
      entriesPerChild: 1,
      consentVersion: '2027-1',
      _status: 'published',
    }),
  })
  await api(url, admin, `/contests/${created.doc.id}?locale=en`, {
    method: 'PATCH',
    body: JSON.stringify({
      title: 'My dream 2027',
      theme: 'My dream',
      summary: 'A drawing contest for the children of the province for the Action Month for Children 2027.',
      categories: created.doc.categories.map((c) => ({ ...c, prizes: (c.prizes ?? []).map((p) => ({ ...p, label: 'First prize', reward: 'VND 2,000,000' })) })),
      _status: 'published',
    }),
  })
  return created.doc
}

/** A photo of a drawing as a phone takes it: a JPEG stored sideways with EXIF orientation 6 (to be turned upright). */
export async function phoneJpeg(width = 1600, height = 1200): Promise<Buffer> {
  const stripes = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      stripes[i] = (x * 255) / width
      stripes[i + 1] = (y * 255) / height
      stripes[i + 2] = ((x + y) % 64) * 4
    }
  }
  return sharp(stripes, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'TestPhone', Model: 'Cheap 1' } } })
    .toBuffer()
}

/** A PNG of `bytes` of noise (which does not compress: the file is a little larger): a real picture near the upload limit. */
export async function noisyPng(bytes: number): Promise<Buffer> {
  const side = Math.floor(Math.sqrt(bytes / 3))
  const raw = randomBytes(side * side * 3)
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer()
}

export type ChildFields = { familyName: string; givenName: string; birthDate: string; school?: string; className?: string }

/** Fills the entry form the way a person does (the commune by its place in the list). */
export async function fillEntry(
  page: Page,
  picture: { name: string; mimeType: string; buffer: Buffer },
  child: ChildFields,
  options: { title?: string; contact?: { name: string; phone?: string; email?: string }; by?: 'guardian' | 'school'; publication?: boolean; communeIndex?: number } = {},
): Promise<void> {
  await page.locator('input[name="picture"]').setInputFiles(picture)
  await page.locator('input[name="title"]').fill(options.title ?? 'Ngôi nhà của em')
  await page.locator('textarea[name="statement"]').fill('Em vẽ ngôi nhà có cả gia đình và con mèo.')
  await page.locator('input[name="child.familyName"]').fill(child.familyName)
  await page.locator('input[name="child.givenName"]').fill(child.givenName)
  await page.locator('input[name="child.birthDate"]').fill(child.birthDate)
  if (child.school !== undefined) await page.locator('input[name="child.school"]').fill(child.school)
  if (child.className !== undefined) await page.locator('input[name="child.className"]').fill(child.className)
  if (options.communeIndex !== undefined) await page.locator('select[name="child.area"]').selectOption({ index: options.communeIndex })
  if (options.by) await page.locator(`input[name="submittedBy"][value="${options.by}"]`).check()
  if (options.contact) {
    await page.locator('input[name="contact.name"]').fill(options.contact.name)
    await page.locator('input[name="contact.phone"]').fill(options.contact.phone ?? '')
    await page.locator('input[name="contact.email"]').fill(options.contact.email ?? '')
  }
  await page.locator('input[name="consent.participation"]').check()
  await page.locator('input[name="consent.childAssent"]').check()
  if (options.publication) {
    await page.locator('input[name="consent.publication"]').check()
    await page.locator('input[name="consent.publicationChild"]').check()
  }
}
