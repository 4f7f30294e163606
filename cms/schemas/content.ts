/**
 * The shape of the demo and seed documents in content/ (JSON). The seed loader validates every
 * file against these schemas before writing anything, so a typo fails loudly and nothing is
 * half-loaded. Bodies are Markdown, converted to the editor's rich text on load.
 */
import { z } from 'zod'

const text = z.string().trim().min(1)
/** A text in both site languages: Vietnamese first, English second. */
export const ZLocalized = z.object({ vi: text, en: text }).strict()
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and hyphens')
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

/** An illustration generated locally at load time (no downloads, no real photos of children). */
export const ZGeneratedImage = z
  .object({
    motif: z.enum(['sun', 'waves', 'hands', 'heart', 'book', 'lantern', 'phone', 'bicycle', 'palette', 'people']),
    palette: z.enum(['sunrise', 'sea', 'leaf', 'lotus', 'sky', 'earth']),
    label: z.string().trim().max(40).optional(),
    alt: ZLocalized,
    caption: ZLocalized.optional(),
  })
  .strict()

export const ZSiteContent = z
  .object({
    name: ZLocalized,
    tagline: ZLocalized,
    hotlineText: ZLocalized,
    contacts: z.array(z.object({ label: ZLocalized, kind: z.enum(['phone', 'email', 'address']), value: text }).strict()),
    footerLinks: z.array(z.object({ label: ZLocalized, url: text }).strict()),
    fund: z
      .object({ name: ZLocalized, address: text, phone: text, email: z.email(), taxCode: text.optional(), signerName: text, signerTitle: ZLocalized })
      .strict()
      .optional(),
  })
  .strict()

export const ZAreasContent = z
  .object({
    province: z.object({ code: slug, name: ZLocalized }).strict(),
    communes: z.array(z.object({ code: slug, name: ZLocalized }).strict()).min(1),
  })
  .strict()

export const ZUsersContent = z
  .array(
    z
      .object({
        email: z.email(),
        name: text,
        roles: z.array(z.enum(['admin', 'editor', 'coordinator', 'judge', 'responder', 'fund'])).min(1),
        areas: z.array(slug).default([]),
      })
      .strict(),
  )
  .min(1)

export const ZCampaignContent = z
  .object({
    slug,
    year: z.number().int().min(2000).max(2100),
    startsOn: isoDay.optional(),
    endsOn: isoDay.optional(),
    title: ZLocalized,
    theme: ZLocalized,
    keyMessages: z.array(ZLocalized).min(1),
    summary: ZLocalized,
    body: ZLocalized,
    hero: ZGeneratedImage,
    areas: z.array(slug).default([]),
    targets: z
      .array(z.object({ indicator: slug, label: ZLocalized, unit: ZLocalized, target: z.number().min(0) }).strict())
      .default([]),
    results: z
      .array(z.object({ indicator: slug, achieved: z.number().min(0), source: ZLocalized }).strict())
      .default([]),
  })
  .strict()

export const ZPostContent = z
  .object({
    slug,
    publishedAt: z.iso.datetime({ offset: true }),
    byline: text,
    category: z.enum(['news', 'activity', 'support', 'report']),
    campaign: slug.nullable().default(null),
    title: ZLocalized,
    excerpt: ZLocalized,
    body: ZLocalized,
    cover: ZGeneratedImage,
  })
  .strict()

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')

export const ZEventContent = z
  .object({
    slug,
    kind: z.enum(['swim-class', 'forum', 'workshop', 'festival']),
    campaign: slug.optional(),
    title: ZLocalized,
    summary: ZLocalized,
    description: ZLocalized,
    venue: ZLocalized,
    area: slug,
    openTo: z.array(slug).default([]),
    /** Consecutive days from `firstDay` (Sundays skipped when weekdaysOnly) — a swim course is 12–17 days. */
    schedule: z.object({ firstDay: isoDay, days: z.number().int().min(1).max(60), start: hhmm, end: hhmm, skipSundays: z.boolean().default(true) }).strict(),
    capacity: z.number().int().min(1),
    reservedSeats: z.number().int().min(0).default(0),
    waitlist: z.boolean().default(true),
    minAge: z.number().int().min(0).max(18).optional(),
    maxAge: z.number().int().min(0).max(18).optional(),
    priorityGroups: z.array(z.enum(['poor', 'near-poor', 'special-circumstances', 'disability'])).default([]),
    registrationOpensAt: z.iso.datetime({ offset: true }).optional(),
    registrationClosesAt: z.iso.datetime({ offset: true }).optional(),
    consent: z.object({ guardian: ZLocalized, childAssent: ZLocalized, photo: ZLocalized.optional() }).strict(),
    organiser: z.object({ name: text, phone: text.optional(), email: z.email().optional() }).strict(),
  })
  .strict()

const itemKey = z.string().regex(/^[a-z0-9-]{1,30}$/)
const quantities = z.record(itemKey, z.number().int().min(1))

/** A demo gift drive, with pledges in each state (received ones get receipts; `thanked`, `cancelled` as said). */
export const ZDriveContent = z
  .object({
    slug,
    kind: z.enum(['mid-autumn', 'tet', 'scholarship', 'bicycle', 'milk', 'savings-book', 'housing', 'other']),
    campaign: slug.optional(),
    title: ZLocalized,
    summary: ZLocalized,
    story: ZLocalized,
    startsOn: isoDay,
    endsOn: isoDay.optional(),
    moneyGoal: z.number().int().min(0).optional(),
    items: z
      .array(
        z
          .object({
            key: itemKey,
            kind: z.enum(['gift', 'scholarship', 'bicycle', 'savings-book', 'milk', 'house', 'insurance-card', 'other']),
            label: ZLocalized,
            quantity: z.number().int().min(1),
            unitValue: z.number().int().min(0).optional(),
            reaches: z.number().int().min(0).optional(),
          })
          .strict(),
      )
      .default([]),
    account: z.object({ bankBin: z.string().regex(/^\d{6}$/), bankName: text, accountNumber: z.string().regex(/^[0-9A-Za-z]{1,19}$/), accountName: text }).strict(),
    dropOff: ZLocalized.optional(),
    showAmounts: z.boolean().default(true),
    pledges: z
      .array(
        z
          .object({
            donor: z.object({ kind: z.enum(['person', 'organisation', 'group']), name: text, email: z.email().optional(), phone: text.optional() }).strict(),
            listed: z.boolean(),
            amount: z.number().int().min(1000).optional(),
            items: quantities.default({}),
            received: z.object({ amount: z.number().int().min(1).optional(), items: quantities.default({}) }).strict().optional(),
            thanked: z.boolean().default(false),
            cancelled: z.boolean().default(false),
          })
          .strict(),
      )
      .default([]),
    /** What was handed over, per commune and item: the seed puts that many demo children on the commune's aid list, one unit each. */
    handOvers: z
      .array(z.object({ commune: slug, item: itemKey, children: z.number().int().min(1).max(100), on: isoDay }).strict())
      .default([]),
  })
  .strict()

/**
 * A demo drawing contest. `demoEntries` pictures per category are sent through the entry
 * service as of a day inside the window (generated drawings, invented children: demo only).
 */
export const ZContestContent = z
  .object({
    slug,
    campaign: slug.optional(),
    title: ZLocalized,
    theme: ZLocalized,
    summary: ZLocalized,
    rules: ZLocalized,
    medium: ZLocalized,
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    ageOn: isoDay,
    entriesPerChild: z.number().int().min(1).max(10).default(1),
    categories: z
      .array(
        z
          .object({
            label: ZLocalized,
            minAge: z.number().int().min(3).max(18),
            maxAge: z.number().int().min(3).max(18),
            prizes: z.array(z.object({ label: ZLocalized, count: z.number().int().min(1), reward: ZLocalized.optional() }).strict()).default([]),
          })
          .strict(),
      )
      .min(1),
    rubric: z.array(z.object({ criterion: ZLocalized, weight: z.number().min(0).max(100) }).strict()).default([]),
    rounds: z.array(z.object({ name: ZLocalized, kind: z.enum(['yes-no', 'rubric']), advance: z.number().int().min(1).optional() }).strict()).default([]),
    contact: ZLocalized.optional(),
    demoEntries: z.number().int().min(0).max(40).default(0),
    /** The demo jury scores every entry, closes each round and publishes the results (a finished contest). */
    demoJudged: z.boolean().default(false),
  })
  .strict()

export type TContestContent = z.infer<typeof ZContestContent>
export type TDriveContent = z.infer<typeof ZDriveContent>
export type TEventContent = z.infer<typeof ZEventContent>
export type TLocalized = z.infer<typeof ZLocalized>
export type TGeneratedImage = z.infer<typeof ZGeneratedImage>
export type TSiteContent = z.infer<typeof ZSiteContent>
export type TAreasContent = z.infer<typeof ZAreasContent>
export type TUsersContent = z.infer<typeof ZUsersContent>
export type TCampaignContent = z.infer<typeof ZCampaignContent>
export type TPostContent = z.infer<typeof ZPostContent>
