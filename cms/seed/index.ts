/**
 * Loads the demo content in content/ into the CMS: areas, staff users (one per role), the site
 * settings, campaigns and news, with locally generated illustrations; events; gift drives with
 * pledges in each state (received ones with their receipts), made through the same services as
 * the public form and the fund officers, so the progress bars show real figures.
 *
 * Every file is validated against cms/schemas/content.ts before anything is written. Each
 * document is written in its own transaction (Vietnamese, then English), and looked up by its
 * natural key (code, email, slug) first, so running the seed again adds no duplicates.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import type { z } from 'zod'
import type { Contest } from '../payload-types'
import {
  type TCampaignContent,
  type TContestContent,
  type TDriveContent,
  type TEventContent,
  type TGeneratedImage,
  type TPostContent,
  ZAreasContent,
  ZCampaignContent,
  ZContestContent,
  ZDriveContent,
  ZEventContent,
  ZPostContent,
  ZSiteContent,
  ZUsersContent,
} from '../schemas/content'
import { markThanked } from '../services/donation-notices'
import { env } from '../env'
import { ZEntry } from '../schemas/entry'
import { submitEntry } from '../services/entries'
import { closeRound, publishResults, submitScore } from '../services/judging'
import { asId } from '../services/ids'
import { endPledge, pledge } from '../services/pledges'
import { recordReceipt } from '../services/receipts'
import { dailySessions } from '../services/schedule'
import { renderDrawing, renderIllustration } from './images'

/** Password of every demo staff account. Demo content is for trying the product, never production. */
export const DEMO_PASSWORD = 'demo-2026-tre-em'

export type SeedReport = { created: number; existing: number }

async function readJson<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'))
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')
    throw new Error(`Invalid content file ${file}:\n${issues}`)
  }
  return parsed.data
}

async function readDir<S extends z.ZodType>(dir: string, schema: S): Promise<z.infer<S>[]> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort()
  return Promise.all(files.map((f) => readJson(path.join(dir, f), schema)))
}

/** Reads and validates everything in content/ (throws before any write when a file is wrong). */
export async function loadContent(contentDir: string) {
  const [site, areas, users, campaigns, posts, events, drives, contests] = await Promise.all([
    readJson(path.join(contentDir, 'site.json'), ZSiteContent),
    readJson(path.join(contentDir, 'areas.json'), ZAreasContent),
    readJson(path.join(contentDir, 'users.json'), ZUsersContent),
    readDir(path.join(contentDir, 'campaigns'), ZCampaignContent),
    readDir(path.join(contentDir, 'posts'), ZPostContent),
    readDir(path.join(contentDir, 'events'), ZEventContent),
    readDir(path.join(contentDir, 'drives'), ZDriveContent),
    readDir(path.join(contentDir, 'contests'), ZContestContent),
  ])
  const campaignSlugs = new Set(campaigns.map((c) => c.slug))
  const areaCodes = new Set([areas.province.code, ...areas.communes.map((c) => c.code)])
  for (const post of posts) {
    if (post.campaign && !campaignSlugs.has(post.campaign)) throw new Error(`Post ${post.slug} refers to unknown campaign ${post.campaign}`)
  }
  for (const c of campaigns) {
    for (const code of c.areas) if (!areaCodes.has(code)) throw new Error(`Campaign ${c.slug} refers to unknown area ${code}`)
  }
  for (const u of users) {
    for (const code of u.areas) if (!areaCodes.has(code)) throw new Error(`User ${u.email} refers to unknown area ${code}`)
  }
  for (const e of events) {
    for (const code of [e.area, ...e.openTo]) if (!areaCodes.has(code)) throw new Error(`Event ${e.slug} refers to unknown area ${code}`)
    if (e.campaign && !campaignSlugs.has(e.campaign)) throw new Error(`Event ${e.slug} refers to unknown campaign ${e.campaign}`)
  }
  for (const d of drives) {
    if (d.campaign && !campaignSlugs.has(d.campaign)) throw new Error(`Drive ${d.slug} refers to unknown campaign ${d.campaign}`)
    const keys = new Set(d.items.map((i) => i.key))
    for (const p of d.pledges)
      for (const key of [...Object.keys(p.items), ...Object.keys(p.received?.items ?? {})]) if (!keys.has(key)) throw new Error(`Drive ${d.slug}: a pledge names unknown item ${key}`)
    for (const h of d.handOvers) {
      if (!keys.has(h.item)) throw new Error(`Drive ${d.slug}: a hand-over names unknown item ${h.item}`)
      if (!areas.communes.some((c) => c.code === h.commune)) throw new Error(`Drive ${d.slug}: a hand-over names unknown commune ${h.commune}`)
    }
  }
  for (const c of contests) if (c.campaign && !campaignSlugs.has(c.campaign)) throw new Error(`Contest ${c.slug} refers to unknown campaign ${c.campaign}`)
  return { site, areas, users, campaigns, posts, events, drives, contests }
}

const FAMILY_NAMES = ['Nguyễn Văn', 'Trần Thị', 'Lê Minh', 'Phạm Ngọc', 'Huỳnh Gia', 'Võ Thanh', 'Đặng Bảo', 'Bùi Khánh', 'Đỗ Hoài', 'Ngô Phương', 'Dương Quốc']
const GIVEN_NAMES = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Khang', 'Linh', 'My', 'Nam', 'Ngân', 'Phúc', 'Quân', 'Tâm', 'Thảo', 'Trí', 'Uyên', 'Vy', 'Yến']

/** The n-th demo child of an aid list (invented names: demo data only). */
const demoChild = (n: number) => ({ family: FAMILY_NAMES[n % FAMILY_NAMES.length] ?? '', given: GIVEN_NAMES[(n * 7) % GIVEN_NAMES.length] ?? '' })

async function inTransaction<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

export async function seedDemoContent(payload: Payload, { contentDir }: { contentDir: string }): Promise<SeedReport> {
  const content = await loadContent(contentDir)
  const report: SeedReport = { created: 0, existing: 0 }
  const count = (created: boolean) => (created ? report.created++ : report.existing++)
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const markdown = (md: string) => convertMarkdownToLexical({ editorConfig, markdown: md })

  const findOne = async (collection: 'areas' | 'users' | 'campaigns' | 'posts' | 'events' | 'drives' | 'contests', field: string, value: string, req?: PayloadRequest) => {
    const res = await payload.find({ collection, where: { [field]: { equals: value } }, limit: 1, depth: 0, draft: true, req })
    return res.docs[0] ?? null
  }

  // Areas: the province, then its communes.
  const areaIds = new Map<string, number | string>()
  const upsertArea = async (code: string, name: { vi: string; en: string }, level: 'province' | 'commune', parent?: number | string) => {
    const existing = await findOne('areas', 'code', code)
    if (existing) {
      areaIds.set(code, existing.id)
      return count(false)
    }
    const id = await inTransaction(payload, async (req) => {
      const doc = await payload.create({ collection: 'areas', locale: 'vi', data: { code, name: name.vi, level, parent: parent === undefined ? undefined : asId(parent) }, req })
      await payload.update({ collection: 'areas', id: doc.id, locale: 'en', data: { name: name.en }, req })
      return doc.id
    })
    areaIds.set(code, id)
    count(true)
  }
  await upsertArea(content.areas.province.code, content.areas.province.name, 'province')
  const provinceId = areaIds.get(content.areas.province.code)
  for (const commune of content.areas.communes) await upsertArea(commune.code, commune.name, 'commune', provinceId)

  // Staff users, one per role.
  for (const user of content.users) {
    if (await findOne('users', 'email', user.email)) {
      count(false)
      continue
    }
    await payload.create({
      collection: 'users',
      data: {
        email: user.email,
        name: user.name,
        roles: user.roles,
        areas: user.areas.flatMap((code) => {
          const id = areaIds.get(code)
          return id === undefined ? [] : [asId(id)]
        }),
        password: DEMO_PASSWORD,
      },
    })
    count(true)
  }

  // Site settings: only when never set, so staff edits survive a restart.
  const site = await payload.findGlobal({ slug: 'site', depth: 0 })
  if (!site.name) {
    const s = content.site
    await inTransaction(payload, async (req) => {
      const vi = await payload.updateGlobal({
        slug: 'site',
        locale: 'vi',
        req,
        data: {
          name: s.name.vi,
          tagline: s.tagline.vi,
          hotline: { number: '111', text: s.hotlineText.vi },
          contacts: s.contacts.map((c) => ({ label: c.label.vi, kind: c.kind, value: c.value })),
          footerLinks: s.footerLinks.map((l) => ({ label: l.label.vi, url: l.url })),
          fund: s.fund && { name: s.fund.name.vi, address: s.fund.address, phone: s.fund.phone, email: s.fund.email, taxCode: s.fund.taxCode, signerName: s.fund.signerName, signerTitle: s.fund.signerTitle.vi },
        },
      })
      await payload.updateGlobal({
        slug: 'site',
        locale: 'en',
        req,
        data: {
          name: s.name.en,
          tagline: s.tagline.en,
          hotline: { number: '111', text: s.hotlineText.en },
          contacts: (vi.contacts ?? []).map((row, i) => ({ ...row, label: s.contacts[i]?.label.en ?? row.label })),
          footerLinks: (vi.footerLinks ?? []).map((row, i) => ({ ...row, label: s.footerLinks[i]?.label.en ?? row.label })),
          fund: s.fund && { ...vi.fund, name: s.fund.name.en, signerTitle: s.fund.signerTitle.en },
        },
      })
    })
    count(true)
  } else count(false)

  const createImage = async (image: TGeneratedImage, name: string, req: PayloadRequest) => {
    const data = await renderIllustration(image)
    const doc = await payload.create({
      collection: 'media',
      locale: 'vi',
      data: { alt: image.alt.vi, caption: image.caption?.vi, credit: 'Minh hoạ / Illustration' },
      file: { data, mimetype: 'image/jpeg', name: `${name}.jpg`, size: data.length },
      req,
    })
    await payload.update({ collection: 'media', id: doc.id, locale: 'en', data: { alt: image.alt.en, caption: image.caption?.en }, req })
    return doc.id
  }

  // Campaigns.
  const campaignIds = new Map<string, number | string>()
  for (const c of content.campaigns) {
    const existing = await findOne('campaigns', 'slug', c.slug)
    if (existing) {
      campaignIds.set(c.slug, existing.id)
      count(false)
      continue
    }
    const id = await inTransaction(payload, (req) => createCampaign(c, req))
    campaignIds.set(c.slug, id)
    count(true)
  }

  async function createCampaign(c: TCampaignContent, req: PayloadRequest) {
    const hero = await createImage(c.hero, c.slug, req)
    const areas = c.areas.flatMap((code) => {
      const id = areaIds.get(code)
      return id === undefined ? [] : [asId(id)]
    })
    const doc = await payload.create({
      collection: 'campaigns',
      locale: 'vi',
      req,
      data: {
        _status: 'published',
        slug: c.slug,
        year: c.year,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        title: c.title.vi,
        theme: c.theme.vi,
        summary: c.summary.vi,
        body: markdown(c.body.vi),
        keyMessages: c.keyMessages.map((m) => ({ message: m.vi })),
        hero: asId(hero),
        areas,
        targets: c.targets.map((t) => ({ indicator: t.indicator, label: t.label.vi, unit: t.unit.vi, target: t.target })),
        results: c.results.map((r) => ({ indicator: r.indicator, achieved: r.achieved, source: r.source.vi })),
      },
    })
    await payload.update({
      collection: 'campaigns',
      id: doc.id,
      locale: 'en',
      req,
      data: {
        _status: 'published',
        title: c.title.en,
        theme: c.theme.en,
        summary: c.summary.en,
        body: markdown(c.body.en),
        keyMessages: (doc.keyMessages ?? []).map((row, i) => ({ ...row, message: c.keyMessages[i]?.en ?? row.message })),
        targets: (doc.targets ?? []).map((row, i) => ({ ...row, label: c.targets[i]?.label.en ?? row.label, unit: c.targets[i]?.unit.en ?? row.unit })),
        results: (doc.results ?? []).map((row, i) => ({ ...row, source: c.results[i]?.source.en ?? row.source })),
      },
    })
    return doc.id
  }

  // News posts.
  for (const p of content.posts) {
    if (await findOne('posts', 'slug', p.slug)) {
      count(false)
      continue
    }
    await inTransaction(payload, (req) => createPost(p, req))
    count(true)
  }

  async function createPost(p: TPostContent, req: PayloadRequest) {
    const cover = await createImage(p.cover, p.slug, req)
    const campaign = p.campaign ? campaignIds.get(p.campaign) : undefined
    const doc = await payload.create({
      collection: 'posts',
      locale: 'vi',
      req,
      data: {
        _status: 'published',
        slug: p.slug,
        publishedAt: new Date(p.publishedAt).toISOString(),
        byline: p.byline,
        category: p.category,
        campaign: campaign === undefined ? undefined : asId(campaign),
        title: p.title.vi,
        excerpt: p.excerpt.vi,
        body: markdown(p.body.vi),
        cover: asId(cover),
        coverCaption: p.cover.caption?.vi,
      },
    })
    await payload.update({
      collection: 'posts',
      id: doc.id,
      locale: 'en',
      req,
      data: {
        _status: 'published',
        title: p.title.en,
        excerpt: p.excerpt.en,
        body: markdown(p.body.en),
        coverCaption: p.cover.caption?.en,
      },
    })
  }

  // Events (classes, forums, workshops) with seats.
  for (const e of content.events) {
    if (await findOne('events', 'slug', e.slug)) {
      count(false)
      continue
    }
    await inTransaction(payload, (req) => createEvent(e, req))
    count(true)
  }

  async function createEvent(e: TEventContent, req: PayloadRequest) {
    const area = (code: string) => {
      const id = areaIds.get(code)
      if (id === undefined) throw new Error(`unknown area ${code}`)
      return asId(id)
    }
    const campaign = e.campaign ? campaignIds.get(e.campaign) : undefined
    const doc = await payload.create({
      collection: 'events',
      locale: 'vi',
      req,
      data: {
        _status: 'published',
        slug: e.slug,
        kind: e.kind,
        campaign: campaign === undefined ? undefined : asId(campaign),
        title: e.title.vi,
        summary: e.summary.vi,
        description: markdown(e.description.vi),
        venue: e.venue.vi,
        area: area(e.area),
        sessions: dailySessions(e.schedule.firstDay, e.schedule.days, e.schedule.start, e.schedule.end, e.schedule.skipSundays),
        capacity: e.capacity,
        reservedSeats: e.reservedSeats,
        waitlist: e.waitlist,
        eligibility: { minAge: e.minAge, maxAge: e.maxAge, areas: e.openTo.map(area), priorityGroups: e.priorityGroups },
        registrationOpensAt: e.registrationOpensAt ? new Date(e.registrationOpensAt).toISOString() : undefined,
        registrationClosesAt: e.registrationClosesAt ? new Date(e.registrationClosesAt).toISOString() : undefined,
        consent: { guardian: e.consent.guardian.vi, childAssent: e.consent.childAssent.vi, photo: e.consent.photo?.vi },
        organiser: e.organiser,
      },
    })
    await payload.update({
      collection: 'events',
      id: doc.id,
      locale: 'en',
      req,
      data: {
        _status: 'published',
        title: e.title.en,
        summary: e.summary.en,
        description: markdown(e.description.en),
        venue: e.venue.en,
        consent: { version: doc.consent?.version, guardian: e.consent.guardian.en, childAssent: e.consent.childAssent.en, photo: e.consent.photo?.en },
      },
    })
  }

  // Gift drives, then their pledges through the pledge service (each with its own key, so a
  // second run finds them), receipts through the receipt service.
  for (const d of content.drives) {
    if (await findOne('drives', 'slug', d.slug)) {
      count(false)
      continue
    }
    await createDrive(d)
    count(true)
  }

  async function createDrive(d: TDriveContent) {
    const campaign = d.campaign ? campaignIds.get(d.campaign) : undefined
    const doc = await inTransaction(payload, async (req) => {
      const vi = await payload.create({
        collection: 'drives',
        locale: 'vi',
        req,
        data: {
          _status: 'published',
          slug: d.slug,
          kind: d.kind,
          campaign: campaign === undefined ? undefined : asId(campaign),
          title: d.title.vi,
          summary: d.summary.vi,
          story: markdown(d.story.vi),
          startsOn: `${d.startsOn}T00:00:00.000Z`,
          endsOn: d.endsOn ? `${d.endsOn}T00:00:00.000Z` : undefined,
          moneyGoal: d.moneyGoal,
          items: d.items.map((i) => ({ kind: i.kind, label: i.label.vi, quantity: i.quantity, unitValue: i.unitValue, reaches: i.reaches })),
          account: d.account,
          dropOff: d.dropOff?.vi,
          showAmounts: d.showAmounts,
        },
      })
      return payload.update({
        collection: 'drives',
        id: vi.id,
        locale: 'en',
        req,
        data: {
          _status: 'published',
          title: d.title.en,
          summary: d.summary.en,
          story: markdown(d.story.en),
          items: (vi.items ?? []).map((row, i) => ({ ...row, label: d.items[i]?.label.en ?? row.label })),
          dropOff: d.dropOff?.en,
        },
      })
    })
    const itemIds = new Map(d.items.map((item, i) => [item.key, doc.items?.[i]?.id ?? '']))
    const lines = (q: Record<string, number>) => Object.entries(q).map(([key, quantity]) => ({ item: itemIds.get(key) ?? key, quantity }))
    const started = new Date(`${d.startsOn}T09:00:00+07:00`)
    for (const [i, p] of d.pledges.entries()) {
      const key = `seed-${d.slug}-${i}`.slice(0, 64).padEnd(16, '0')
      const outcome = await pledge(payload, { driveId: doc.id, idempotencyKey: key, donor: p.donor, listed: p.listed, amount: p.amount, items: lines(p.items) }, { now: started })
      if (outcome.kind !== 'accepted') throw new Error(`Drive ${d.slug}: demo pledge ${i} was not accepted (${outcome.kind})`)
      // demo donors get no emails
      await payload.db.updateOne({ collection: 'pledges', id: outcome.id, data: { pledgeNoticeQueuedAt: new Date().toISOString() }, returning: false })
      if (p.received) {
        const { receipt } = await recordReceipt(payload, { pledgeId: outcome.id, amount: p.received.amount, items: lines(p.received.items), source: 'manual', recordKey: `seed:${key}` })
        await payload.db.updateOne({ collection: 'donation-receipts', id: receipt.id, data: { thankQueuedAt: new Date().toISOString() }, returning: false })
      }
      if (p.thanked) await markThanked(payload, outcome.id)
      if (p.cancelled) await endPledge(payload, outcome.id, 'cancelled')
    }
    // hand-overs: demo children on each commune's aid list, each given one unit (through the
    // collections' own rules: the child's commune, the item of the drive)
    let child = 0
    for (const h of d.handOvers) {
      const area = areaIds.get(h.commune)
      if (area === undefined) throw new Error(`Drive ${d.slug}: no commune ${h.commune}`)
      await inTransaction(payload, async (req) => {
        for (let n = 0; n < h.children; n++, child++) {
          const name = demoChild(child)
          const recipient = await payload.create({
            collection: 'aid-recipients',
            req,
            overrideAccess: true,
            depth: 0,
            data: { familyName: name.family, givenName: name.given, birthYear: 2012 + (child % 8), area: asId(area), note: 'Demo' },
          })
          await payload.create({
            collection: 'hand-overs',
            req,
            overrideAccess: true,
            depth: 0,
            data: { drive: doc.id, item: itemIds.get(h.item) ?? h.item, recipient: recipient.id, quantity: 1, handedOverOn: `${h.on}T00:00:00.000Z`, note: 'Demo' },
          })
        }
      })
    }
  }

  // Drawing contests; a finished one gets demo entries through the entry service, as of a day
  // inside its window (generated drawings, invented children; the contact has no email, so
  // nobody is written to).
  const jury = (await Promise.all(content.users.filter((u) => u.roles.includes('judge')).map((u) => findOne('users', 'email', u.email)))).filter((u) => u !== null)
  for (const c of content.contests) {
    if (await findOne('contests', 'slug', c.slug)) {
      count(false)
      continue
    }
    await createContest(c)
    count(true)
  }

  async function createContest(c: TContestContent) {
    const campaign = c.campaign ? campaignIds.get(c.campaign) : undefined
    const doc = await inTransaction(payload, async (req) => {
      const vi = await payload.create({
        collection: 'contests',
        locale: 'vi',
        req,
        data: {
          _status: 'published',
          slug: c.slug,
          campaign: campaign === undefined ? undefined : asId(campaign),
          title: c.title.vi,
          theme: c.theme.vi,
          summary: c.summary.vi,
          rules: markdown(c.rules.vi),
          medium: c.medium.vi,
          opensAt: new Date(c.opensAt).toISOString(),
          closesAt: new Date(c.closesAt).toISOString(),
          ageOn: `${c.ageOn}T00:00:00.000Z`,
          entriesPerChild: c.entriesPerChild,
          categories: c.categories.map((k) => ({ label: k.label.vi, minAge: k.minAge, maxAge: k.maxAge, prizes: k.prizes.map((p) => ({ label: p.label.vi, count: p.count, reward: p.reward?.vi })) })),
          rubric: c.rubric.map((r) => ({ criterion: r.criterion.vi, weight: r.weight })),
          jury: jury.map((j) => asId(j.id)),
          rounds: c.rounds.map((r) => ({ name: r.name.vi, kind: r.kind, advance: r.advance })),
          consentVersion: `${c.slug}-1`,
          contact: c.contact?.vi,
        },
      })
      return payload.update({
        collection: 'contests',
        id: vi.id,
        locale: 'en',
        req,
        data: {
          _status: 'published',
          title: c.title.en,
          theme: c.theme.en,
          summary: c.summary.en,
          rules: markdown(c.rules.en),
          medium: c.medium.en,
          categories: (vi.categories ?? []).map((row, i) => ({
            ...row,
            label: c.categories[i]?.label.en ?? row.label,
            prizes: (row.prizes ?? []).map((p, j) => ({ ...p, label: c.categories[i]?.prizes[j]?.label.en ?? p.label, reward: c.categories[i]?.prizes[j]?.reward?.en ?? p.reward })),
          })),
          rubric: (vi.rubric ?? []).map((row, i) => ({ ...row, criterion: c.rubric[i]?.criterion.en ?? row.criterion })),
          rounds: (vi.rounds ?? []).map((row, i) => ({ ...row, name: c.rounds[i]?.name.en ?? row.name })),
          contact: c.contact?.en,
        },
      })
    })
    const communes = content.areas.communes.map((k) => areaIds.get(k.code)).filter((id) => id !== undefined)
    const sentOn = new Date(new Date(c.opensAt).getTime() + 7 * 24 * 3600 * 1000)
    const ageDay = new Date(`${c.ageOn}T00:00:00Z`)
    let n = 0
    for (const [k, category] of c.categories.entries()) {
      for (let i = 0; i < c.demoEntries; i++, n++) {
        const name = demoChild(n + 40)
        const age = category.minAge + (i % (category.maxAge - category.minAge + 1))
        const born = new Date(Date.UTC(ageDay.getUTCFullYear() - age - 1, (n * 5) % 12, 2 + (n % 25)))
        const input = ZEntry.parse({
          contestId: doc.id,
          idempotencyKey: `seed-${c.slug}-${k}-${i}`.slice(0, 64).padEnd(16, '0'),
          title: DREAMS[n % DREAMS.length],
          statement: 'Tranh minh hoạ (demo).',
          child: { familyName: name.family, givenName: name.given, birthDate: born.toISOString().slice(0, 10), school: 'Trường minh hoạ (demo)', className: `${Math.max(1, age - 5)}A`, area: String(communes[n % communes.length] ?? '') },
          submittedBy: i % 2 ? 'school' : 'guardian',
          contact: { name: 'Người gửi minh hoạ (demo)', phone: '0912345678' },
          // most families agree to publication; some do not (their pictures show as "a participant from …")
          consent: { participation: true, childAssent: true, publication: n % 4 !== 3, publicationChild: n % 4 !== 3 },
        })
        const outcome = await submitEntry(payload, input, await renderDrawing(n), { now: sentOn, secret: env().secret, mediaDir: env().mediaDir })
        if (outcome.kind !== 'accepted') throw new Error(`Contest ${c.slug}: demo entry ${n} was not accepted (${outcome.kind})`)
      }
    }
    if (c.demoJudged) await judgeDemoContest(doc)
  }

  /** The demo jury judges every round (marks made up from the entry and the judge), then the results are published. */
  async function judgeDemoContest(contest: Contest) {
    for (const [index, round] of (contest.rounds ?? []).entries()) {
      const entries = await payload.find({ collection: 'entries', where: { and: [{ contest: { equals: contest.id } }, { reachedRound: { greater_than_equal: index } }] }, depth: 0, limit: 0, pagination: false, sort: 'createdAt', overrideAccess: true })
      for (const [e, entry] of entries.docs.entries()) {
        for (const [j, judge] of jury.entries()) {
          const marks = Object.fromEntries((contest.rubric ?? []).map((r, k) => [r.id ?? '', 4 + ((e * 3 + j + k * 2) % 7)]))
          // the first judge knows one child and says so
          const conflict = j === 0 && e === 2
          const outcome = await submitScore(payload, judge, { entryId: entry.id, roundId: round.id ?? '', conflict, decision: (e + j) % 5 === 0 ? 'no' : 'yes', marks })
          if (outcome.kind !== 'scored') throw new Error(`Contest ${contest.slug}: demo score refused (${outcome.reason})`)
        }
      }
      await closeRound(payload, contest.id)
    }
    // order the ties the demo marks make at a prize boundary, as organisers would, then publish
    for (let attempt = 0; attempt < 5; attempt++) {
      const published = await publishResults(payload, contest.id)
      if (published.kind !== 'ties') return
      const tied = await payload.find({ collection: 'entries', where: { and: [{ contest: { equals: contest.id } }, { entryCode: { in: published.entryCodes } }] }, depth: 0, limit: 0, pagination: false, sort: 'entryCode', overrideAccess: true })
      for (const [k, entry] of tied.docs.entries()) await payload.db.updateOne({ collection: 'entries', id: entry.id, data: { tieBreak: k + 1 }, returning: false })
    }
    throw new Error(`Contest ${contest.slug}: the demo results could not be published`)
  }

  return report
}

const DREAMS = ['Em mơ làm bác sĩ', 'Ngôi nhà an toàn của em', 'Em được đi học bơi', 'Cả nhà đón Trung thu', 'Em mơ làm phi công', 'Trường học xanh', 'Em và bạn cùng đọc sách', 'Dòng sông quê em sạch đẹp', 'Em mơ làm cô giáo', 'Công viên cho mọi bạn nhỏ']
