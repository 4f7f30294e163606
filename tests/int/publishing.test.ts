/** Drafts, publishing, versions and scheduled publishing of campaigns and news, as the public sees them. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff, skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('publishing', () => {
  let payload: Payload
  let editor: Awaited<ReturnType<typeof makeStaff>>
  const created: { collection: 'campaigns' | 'posts'; id: number | string }[] = []

  beforeAll(async () => {
    payload = await testPayload()
    editor = await makeStaff(payload, ['editor'])
  })
  afterAll(async () => {
    for (const c of created) await payload.delete({ collection: c.collection, id: c.id })
    await payload.delete({ collection: 'users', id: editor.id })
  })

  const draftCampaign = async (extra: Record<string, unknown> = {}) => {
    const doc = await payload.create({
      collection: 'campaigns',
      data: { title: 'Chiến dịch thử', slug: unique('chien-dich'), year: 2031, theme: 'Chủ đề thử', ...extra },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    created.push({ collection: 'campaigns', id: doc.id })
    return doc
  }
  const draftPost = async () => {
    const doc = await payload.create({
      collection: 'posts',
      data: { title: 'Tin thử', slug: unique('tin'), category: 'news' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    created.push({ collection: 'posts', id: doc.id })
    return doc
  }
  const publicFind = (collection: 'campaigns' | 'posts', slug: string) =>
    payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: false, depth: 0 })

  it.each(['campaigns', 'posts'] as const)('a %s draft stays hidden from the public until it is published', async (collection) => {
    const draft = collection === 'campaigns' ? await draftCampaign() : await draftPost()
    expect(draft._status).toBe('draft')
    expect((await publicFind(collection, draft.slug)).totalDocs).toBe(0)
    await expect(payload.findByID({ collection, id: draft.id, overrideAccess: false })).rejects.toThrow()
    // the public cannot ask for drafts either
    expect((await payload.find({ collection, where: { slug: { equals: draft.slug } }, draft: true, overrideAccess: false })).totalDocs).toBe(0)

    await payload.update({ collection, id: draft.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect((await publicFind(collection, draft.slug)).docs.map((d) => d.id)).toEqual([draft.id])

    // a later draft edit does not leak: the public keeps seeing the published version
    await payload.update({ collection, id: draft.id, data: { title: 'Bản nháp mới' }, draft: true, user: editor, overrideAccess: false })
    const seen = await publicFind(collection, draft.slug)
    expect(seen.docs[0]?.title).not.toBe('Bản nháp mới')
  })

  it('gives a campaign the Action Month dates and a slug from its title when left empty', async () => {
    const doc = await payload.create({
      collection: 'campaigns',
      data: { title: 'Tháng hành động vì trẻ em năm 2032', year: 2032, theme: 'Chủ đề' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    created.push({ collection: 'campaigns', id: doc.id })
    expect(doc.slug).toBe('thang-hanh-dong-vi-tre-em-nam-2032')
    expect(doc.startsOn?.slice(0, 10)).toBe('2032-06-01')
    expect(doc.endsOn?.slice(0, 10)).toBe('2032-06-30')
  })

  it('refuses a result without a matching target and an end before the start, saving nothing', async () => {
    const slug = unique('sai')
    await expect(
      payload.create({
        collection: 'campaigns',
        data: {
          title: 'Sai',
          slug,
          year: 2031,
          theme: 'x',
          startsOn: '2031-06-30',
          endsOn: '2031-06-01',
          targets: [{ indicator: 'boi', label: 'Bơi', target: 10 }],
          results: [{ indicator: 'qua', achieved: 3 }],
        },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({
      data: {
        errors: [
          { path: 'endsOn', message: 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.' },
          { path: 'results.0.indicator', message: 'Kết quả "qua" không khớp với chỉ tiêu nào của chiến dịch.' },
        ],
      },
    })
    expect((await payload.find({ collection: 'campaigns', where: { slug: { equals: slug } }, draft: true })).totalDocs).toBe(0)
  })

  it('keeps a version of every save', async () => {
    const doc = await draftCampaign()
    await payload.update({ collection: 'campaigns', id: doc.id, data: { theme: 'Chủ đề 2' }, draft: true, user: editor, overrideAccess: false })
    await payload.update({ collection: 'campaigns', id: doc.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    const versions = await payload.findVersions({ collection: 'campaigns', where: { parent: { equals: doc.id } }, limit: 10 })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(3)
  })

  it('publishes a scheduled draft when its time has come, and not before', async () => {
    const early = await draftCampaign()
    const due = await draftCampaign()
    const schedule = (id: number | string, waitUntil: Date) =>
      payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'campaigns', value: id as number } }, waitUntil })
    await schedule(due.id, new Date(Date.now() - 60_000))
    await schedule(early.id, new Date(Date.now() + 24 * 60 * 60_000))
    await payload.jobs.run({ queue: 'default' })
    expect((await publicFind('campaigns', due.slug)).totalDocs).toBe(1)
    expect((await publicFind('campaigns', early.slug)).totalDocs).toBe(0)
  })
})
