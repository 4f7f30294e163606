/** The site's one door to the CMS (site/lib/cms): what the public can read, and draft previews for staff. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCms } from '../../site/lib/cms'
import { makeStaff, skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('site/lib/cms', () => {
  let payload: Payload
  let cms: ReturnType<typeof createCms>
  let editor: Awaited<ReturnType<typeof makeStaff>>
  let published: { id: number | string; slug: string }
  let draft: { id: number | string; slug: string }

  beforeAll(async () => {
    payload = await testPayload()
    cms = createCms(payload)
    editor = await makeStaff(payload, ['editor'])
    published = await payload.create({ collection: 'campaigns', data: { title: 'Công khai', slug: unique('cong-khai'), year: 2040, theme: 'Chủ đề công khai', _status: 'published' } })
    draft = await payload.create({ collection: 'campaigns', data: { title: 'Nháp', slug: unique('nhap'), year: 2041, theme: 'Chủ đề nháp' }, draft: true })
  })
  afterAll(async () => {
    await payload.delete({ collection: 'campaigns', id: published.id })
    await payload.delete({ collection: 'campaigns', id: draft.id })
    await payload.delete({ collection: 'users', id: editor.id })
  })

  it('lists and finds published campaigns only', async () => {
    const slugs = (await cms.campaigns('vi')).map((c) => c.slug)
    expect(slugs).toContain(published.slug)
    expect(slugs).not.toContain(draft.slug)
    expect((await cms.campaignBySlug('vi', published.slug))?.theme).toBe('Chủ đề công khai')
    expect(await cms.campaignBySlug('vi', draft.slug)).toBeNull()
    const sitemap = await cms.sitemapEntries()
    expect(sitemap.campaigns.map((c) => c.slug)).toContain(published.slug)
    expect(sitemap.campaigns.map((c) => c.slug)).not.toContain(draft.slug)
  })

  it('shows a draft preview to a logged-in editor and to nobody else', async () => {
    const { token } = await payload.login({ collection: 'users', data: { email: editor.email, password: 'test-password-123' } })
    const asEditor = new Headers({ authorization: `JWT ${token}` })
    expect((await cms.preview('campaigns', String(draft.id), 'vi', asEditor))?.theme).toBe('Chủ đề nháp')
    expect(await cms.preview('campaigns', String(draft.id), 'vi', new Headers())).toBeNull()
    const coordinator = await makeStaff(payload, ['coordinator'])
    const login = await payload.login({ collection: 'users', data: { email: coordinator.email, password: 'test-password-123' } })
    expect(await cms.preview('campaigns', String(draft.id), 'vi', new Headers({ authorization: `JWT ${login.token}` }))).toBeNull()
    await payload.delete({ collection: 'users', id: coordinator.id })
  })

  it('pages through the news newest first', async () => {
    const made = []
    for (let i = 0; i < 3; i++) {
      made.push(
        await payload.create({
          collection: 'posts',
          data: { title: `Tin ${i}`, slug: unique('tin'), category: 'news', publishedAt: new Date(Date.UTC(2099, 0, i + 1)).toISOString(), _status: 'published' },
        }),
      )
    }
    const page1 = await cms.posts('vi', 1, 2)
    const page2 = await cms.posts('vi', 2, 2)
    expect(page1.docs.map((p) => p.slug)).toEqual([made[2]?.slug, made[1]?.slug])
    expect(page2.docs[0]?.slug).toBe(made[0]?.slug)
    expect(page1.totalPages).toBeGreaterThanOrEqual(2)
    for (const p of made) await payload.delete({ collection: 'posts', id: p.id })
  })
})
