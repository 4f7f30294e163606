/** The demo content: validated before anything is written, loaded once, in both languages. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadContent, seedDemoContent } from '../../cms/seed'
import { skipReason, testPayload } from './payload'

const CONTENT = path.resolve('content')

describe.skipIf(skipReason)('demo content', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await testPayload()
  })

  it('loads the 2023–2025 Action Months, the news, the areas and one staff user per role, once', async () => {
    const content = await loadContent(CONTENT)
    expect(content.campaigns.map((c) => c.year).sort()).toEqual([2023, 2024, 2025])
    expect(content.posts.length).toBeGreaterThanOrEqual(6)

    const first = await seedDemoContent(payload, { contentDir: CONTENT })
    expect(first.created).toBeGreaterThan(0)
    const second = await seedDemoContent(payload, { contentDir: CONTENT })
    expect(second.created).toBe(0)
    expect(second.existing).toBe(first.created + first.existing)

    const slugs = content.campaigns.map((c) => c.slug)
    const campaigns = await payload.find({ collection: 'campaigns', where: { slug: { in: slugs } }, locale: 'en', depth: 1, overrideAccess: false })
    expect(campaigns.totalDocs).toBe(3)
    const c2025 = campaigns.docs.find((c) => c.year === 2025)
    expect(c2025?.theme).toBe(content.campaigns.find((c) => c.year === 2025)?.theme.en)
    expect(c2025?.keyMessages?.[0]?.message).toBe(content.campaigns.find((c) => c.year === 2025)?.keyMessages[0]?.en)
    const hero = c2025?.hero
    expect(typeof hero === 'object' && hero ? hero.alt : null).toBe(content.campaigns.find((c) => c.year === 2025)?.hero.alt.en)

    const vi = await payload.find({ collection: 'campaigns', where: { slug: { equals: 'thang-hanh-dong-vi-tre-em-2025' } }, locale: 'vi' })
    expect(vi.docs[0]?.theme).toBe('Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em')

    const posts = await payload.count({ collection: 'posts', where: { slug: { in: content.posts.map((p) => p.slug) } } })
    expect(posts.totalDocs).toBe(content.posts.length)
    for (const role of ['admin', 'editor', 'coordinator', 'judge', 'responder', 'fund'] as const) {
      expect((await payload.count({ collection: 'users', where: { roles: { contains: role } } })).totalDocs, role).toBeGreaterThanOrEqual(1)
    }
    const site = await payload.findGlobal({ slug: 'site', locale: 'en' })
    expect(site.hotline?.number).toBe('111')
    expect(site.name).toBe(content.site.name.en)
  })

  it('loads an open Mid-Autumn drive and a scholarship drive with pledges in every state, so their bars show real figures', async () => {
    await seedDemoContent(payload, { contentDir: CONTENT })
    const content = await loadContent(CONTENT)
    expect(content.drives.map((d) => d.kind).sort()).toEqual(['mid-autumn', 'mid-autumn', 'scholarship'])
    const drives = await payload.find({ collection: 'drives', where: { slug: { in: content.drives.map((d) => d.slug) } }, depth: 0, overrideAccess: false })
    expect(drives.totalDocs).toBe(3)
    const midAutumn = drives.docs.find((d) => d.slug === 'trung-thu-yeu-thuong-2027')
    if (!midAutumn) throw new Error('no Mid-Autumn drive')
    const pledges = await payload.find({ collection: 'pledges', where: { drive: { equals: midAutumn.id } }, limit: 0, pagination: false, depth: 0 })
    expect(new Set(pledges.docs.map((p) => p.status))).toEqual(new Set(['pledged', 'partly-received', 'received', 'thanked', 'cancelled']))
    const { driveProgress } = await import('../../cms/services/drive-progress')
    const progress = await driveProgress(payload, midAutumn)
    // what the demo content says was received, and promised but not yet received
    const source = content.drives.find((d) => d.slug === midAutumn.slug)
    const received = (source?.pledges ?? []).reduce((n, p) => n + (p.received?.amount ?? 0), 0)
    const open = (source?.pledges ?? []).filter((p) => !p.cancelled).reduce((n, p) => n + (p.amount ?? 0) - (p.received?.amount ?? 0), 0)
    expect(progress.money).toEqual({ goal: source?.moneyGoal, received, pledgedOpen: open })
    expect(received).toBeGreaterThan(0)
    expect(open).toBeGreaterThan(0)
    // seeding again adds no pledge
    await seedDemoContent(payload, { contentDir: CONTENT })
    expect((await payload.count({ collection: 'pledges', where: { drive: { equals: midAutumn.id } } })).totalDocs).toBe(pledges.totalDocs)
  })

  it('loads a past drive with what it handed over: counts per commune for the public, the children only on the communes’ lists', async () => {
    await seedDemoContent(payload, { contentDir: CONTENT })
    const past = (await payload.find({ collection: 'drives', where: { slug: { equals: 'trung-thu-cho-em-2026' } }, depth: 0, overrideAccess: false })).docs[0]
    if (!past) throw new Error('no past drive')
    const { handOverCounts } = await import('../../cms/services/hand-overs')
    const counts = await handOverCounts(payload, past.id, 'vi')
    expect(counts.totals).toEqual({ quantity: 132, children: 132, communes: 6 })
    expect(counts.items.map((i) => [i.kind, i.quantity])).toEqual([
      ['gift', 120],
      ['bicycle', 12],
    ])
    expect(counts.communes.find((c) => c.name === 'Phường Tân An')).toMatchObject({ children: 25, quantity: 25 })
    // everything handed over was received first, and the bars of a past drive are full
    const { driveProgress } = await import('../../cms/services/drive-progress')
    const progress = await driveProgress(payload, past)
    expect(progress.items.map((i) => [i.received, i.pledgedOpen])).toEqual([
      [120, 0],
      [12, 0],
    ])
    // the children are private: the public reads none of them, nor the hand-overs
    await expect(payload.find({ collection: 'aid-recipients', overrideAccess: false, limit: 1 })).rejects.toThrow()
    await expect(payload.find({ collection: 'hand-overs', overrideAccess: false, limit: 1 })).rejects.toThrow()
    // seeding again adds none
    await seedDemoContent(payload, { contentDir: CONTENT })
    expect((await handOverCounts(payload, past.id, 'vi')).totals.quantity).toBe(132)
  })

  it('refuses an invalid content folder before writing anything', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpc-content-'))
    await fs.cp(CONTENT, dir, { recursive: true })
    const bad = JSON.parse(await fs.readFile(path.join(dir, 'campaigns', '2025.json'), 'utf8'))
    bad.results.push({ indicator: 'x', achieved: -1, source: { vi: 'a', en: 'b' } })
    await fs.writeFile(path.join(dir, 'campaigns', '2025.json'), JSON.stringify(bad))
    await fs.writeFile(path.join(dir, 'areas.json'), JSON.stringify({ province: { code: 'new-province', name: { vi: 'Tỉnh mới', en: 'New' } }, communes: [{ code: 'new-commune', name: { vi: 'Xã', en: 'C' } }] }))

    const areasBefore = await payload.count({ collection: 'areas' })
    await expect(seedDemoContent(payload, { contentDir: dir })).rejects.toThrow(/Invalid content file .*2025\.json[\s\S]*results\.\d+\.achieved/)
    expect(await payload.count({ collection: 'areas' })).toEqual(areasBefore)
    await fs.rm(dir, { recursive: true, force: true })
  })
})
