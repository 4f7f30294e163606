/**
 * The site's one door to the CMS. Pages call these functions; nothing else in site/ talks to
 * Payload. Every read is made as the anonymous public (`overrideAccess: false`), so the
 * collections' own access rules apply: drafts and personal data never reach a page.
 * The Payload instance is handed over by the server through `Astro.locals.payload`.
 */
import type { Payload, Where } from 'payload'
import type { Area, Campaign, Contest, Drive, Event, Media, Post, Site } from '../../../cms/payload-types'
import { acceptsAge, ageOn, firstSessionDay } from '../../../cms/services/eligibility'
import { movesOnlyFigures, type ContentChange } from '../../../cms/services/content-events'
import { Kept } from '../../../cms/services/kept'
import { signUpState, type SignUpState } from '../../../cms/services/events'
import { seatsLeft, type SeatsLeft } from '../../../cms/services/seat-store'
import type { Lang } from '../../i18n/routes'
import { CmsUnavailableError, isConnectionError } from './errors'
import { signUpApi } from './signup'
import { drivesApi, pledgeApi } from './drives'
import { contestsApi, entriesApi } from './contests'

export { CmsUnavailableError, isConnectionError } from './errors'
export { clientAddress, newSignUpForm, signUpApi, TooManyRequests, type SignUpRow, type SignUpSubmission } from './signup'
export { richTextToHtml } from './richtext'
export { driveState, newPledgeForm, type DrivePage, type DriveState, type PledgeDrive, type PledgeSubmission, type PublicDrive } from './drives'
export type { DriveProgress, ItemProgress, PublicDonor } from '../../../cms/services/drive-progress'
export { CARRIED_TO_NEXT, entryMessage, MIN_PICTURE_SIDE, newEntryForm, type Commune, type ContestPage, type EntrySubmission, type ManagedEntry, type PublicContest } from './contests'
export type { ContestResults, GalleryCard } from '../../../cms/services/gallery'
export type { Area, Campaign, Contest, Drive, Event, Media, Post, Site }

/** A published event with what the public sees of its seats: open ones and reserved ones apart (counted, never stored). */
export type PublicEvent = Event & { seats: SeatsLeft; firstDay: string | null; state: SignUpState }

export type EventFilters = { kind?: string; area?: string; age?: number; from?: string; seatsOnly?: boolean }

export type Paged<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (isConnectionError(err)) throw new CmsUnavailableError('The content database cannot be reached', { cause: err })
    throw err
  }
}

const published: Where = { _status: { equals: 'published' } }

/**
 * Published content a page reads, kept in memory until content changes (the same signal that
 * drops cached pages) and at most KEPT_MS, in case a change went unannounced. Changes that only move
 * figures (seats, pledges, receipts: cms/services/content-events.ts `movesOnlyFigures`) do
 * not drop it: seats are counted for every request, never kept.
 */
const KEPT_MS = 10_000
const unlessSeats = (change: ContentChange) => !movesOnlyFigures(change)

export function createCms(payload: Payload) {
  const asPublic = { overrideAccess: false, draft: false } as const
  const sites = new Kept<Site>(KEPT_MS, unlessSeats)
  const drives = drivesApi(payload)
  const contests = contestsApi(payload)
  const events = new Kept<Event | null>(KEPT_MS, unlessSeats)
  const withSeatInfo = async (event: Event, now: Date): Promise<PublicEvent> => {
    const seats = await seatsLeft(payload, event)
    return { ...event, seats, firstDay: firstSessionDay(event.sessions), state: signUpState(event, seats.total, now) }
  }
  const bySlug = <S extends 'campaigns' | 'posts' | 'events'>(collection: S, lang: Lang, slug: string) =>
    guard(async () => {
      const res = await payload.find({ collection, locale: lang, depth: 1, limit: 1, where: { and: [published, { slug: { equals: slug } }] }, ...asPublic })
      return res.docs[0] ?? null
    })

  return {
    site: (lang: Lang): Promise<Site> =>
      sites.get(lang, () => guard(() => payload.findGlobal({ slug: 'site', locale: lang, depth: 0, ...asPublic }))),

    /** Published campaigns, newest year first, with hero images. */
    campaigns: (lang: Lang): Promise<Campaign[]> =>
      guard(async () => {
        const res = await payload.find({ collection: 'campaigns', locale: lang, depth: 1, sort: '-year', limit: 100, where: published, ...asPublic })
        return res.docs
      }),

    campaignBySlug: (lang: Lang, slug: string): Promise<Campaign | null> => bySlug('campaigns', lang, slug),

    posts: (lang: Lang, page: number, perPage = 9, campaignId?: number | string): Promise<Paged<Post>> =>
      guard(async () => {
        const where: Where = campaignId === undefined ? published : { and: [published, { campaign: { equals: campaignId } }] }
        const res = await payload.find({ collection: 'posts', locale: lang, depth: 1, sort: '-publishedAt', page, limit: perPage, where, ...asPublic })
        return { docs: res.docs, page: res.page ?? page, totalPages: res.totalPages, totalDocs: res.totalDocs }
      }),

    postBySlug: (lang: Lang, slug: string): Promise<Post | null> => bySlug('posts', lang, slug),

    /**
     * Published events, soonest first, with seats left. Kind and commune are filtered in the
     * query; the child's age (on each event's first day), dates and free seats after counting.
     */
    events: (lang: Lang, filters: EventFilters = {}, now = new Date()): Promise<PublicEvent[]> =>
      guard(async () => {
        const and: Where[] = [published]
        if (filters.kind) and.push({ kind: { equals: filters.kind } })
        if (filters.area) and.push({ area: { equals: filters.area } })
        const res = await payload.find({ collection: 'events', locale: lang, depth: 1, limit: 200, where: { and }, ...asPublic })
        const withSeats = await Promise.all(res.docs.map((e) => withSeatInfo(e, now)))
        return withSeats
          .filter((e) => !filters.from || (e.firstDay !== null && e.firstDay >= filters.from))
          .filter((e) => !filters.seatsOnly || e.seats.total > 0)
          .filter((e) => filters.age === undefined || !e.firstDay || acceptsAge(e.eligibility ?? {}, filters.age))
          .sort((a, b) => (a.firstDay ?? '9999').localeCompare(b.firstDay ?? '9999'))
      }),

    eventBySlug: (lang: Lang, slug: string, now = new Date()): Promise<PublicEvent | null> =>
      guard(async () => {
        const doc = await events.get(`${lang}:${slug}`, () => bySlug('events', lang, slug))
        return doc ? withSeatInfo(doc, now) : null
      }),

    /** Communes that have published events, for the filter. */
    eventAreas: (lang: Lang): Promise<Area[]> =>
      guard(async () => {
        const res = await payload.find({ collection: 'events', depth: 0, limit: 500, where: published, select: { area: true }, ...asPublic })
        const ids = [...new Set(res.docs.map((e) => (typeof e.area === 'object' ? e.area.id : e.area)))]
        if (!ids.length) return []
        const areas = await payload.find({ collection: 'areas', locale: lang, depth: 0, limit: 0, pagination: false, where: { id: { in: ids } }, sort: 'name', ...asPublic })
        return areas.docs
      }),

    /** Published gift drives with their live progress (counted for every render, never kept). */
    drives: (lang: Lang) => guard(() => drives.list(lang)),

    /** A drive as its page shows it (progress, donor list), e.g. a draft in preview. */
    drivePage: (drive: Drive, lang: Lang) => guard(() => drives.page(drive, new Date(), lang)),

    /** A published drive as its pledge page needs it (the form's offer only when the form is shown). */
    pledgeDrive: (lang: Lang, slug: string, withOffer: boolean) => guard(() => drives.forPledge(lang, slug, withOffer)),

    /** A published drive with its progress and public donor list, or null. */
    driveBySlug: (lang: Lang, slug: string) => guard(() => drives.bySlug(lang, slug)),

    /** Published drawing contests with their phase and entries received, open ones first. */
    contests: (lang: Lang) => guard(() => contests.list(lang)),

    /** A published contest with its phase and entries received, or null. */
    contestBySlug: (lang: Lang, slug: string) => guard(() => contests.bySlug(lang, slug)),
    /** One picture of a contest's gallery, for its own page (null once withdrawn). */
    contestPicture: (lang: Lang, slug: string, picture: string) => guard(() => contests.picture(lang, slug, picture)),

    /** A contest as its page shows it (phase, entries received, results), e.g. a draft in preview. */
    contestPage: (contest: Contest, lang: Lang) => guard(() => contests.page(contest, lang)),

    /** A published contest as its entry form needs it, or null. */
    contestForEntry: (lang: Lang, slug: string) => guard(() => contests.forEntry(lang, slug)),

    /** The communes a child may live in (the entry form's list). */
    communes: (lang: Lang) => guard(() => contests.communes(lang)),

    /** Every public document, for the sitemap. */
    sitemapEntries: (): Promise<{
      campaigns: Pick<Campaign, 'slug' | 'updatedAt'>[]
      posts: Pick<Post, 'slug' | 'updatedAt'>[]
      events: Pick<Event, 'slug' | 'updatedAt'>[]
      drives: Pick<Drive, 'slug' | 'updatedAt'>[]
      contests: Pick<Contest, 'slug' | 'updatedAt'>[]
      pictures: { slug: string; picture: string; lastmod: string }[]
    }> =>
      guard(async () => {
        const select = { slug: true, updatedAt: true } as const
        const [campaigns, posts, events, driveDocs, contestDocs, pictures] = await Promise.all([
          payload.find({ collection: 'campaigns', depth: 0, limit: 0, pagination: false, where: published, select, ...asPublic }),
          payload.find({ collection: 'posts', depth: 0, limit: 0, pagination: false, where: published, select, sort: '-publishedAt', ...asPublic }),
          payload.find({ collection: 'events', depth: 0, limit: 0, pagination: false, where: published, select, ...asPublic }),
          drives.sitemap(),
          contests.sitemap(),
          contests.pictureSitemap(),
        ])
        return { campaigns: campaigns.docs, posts: posts.docs, events: events.docs, drives: driveDocs, contests: contestDocs, pictures }
      }),

    /**
     * A draft as its editor sees it, for the admin's preview button. Returns null unless the
     * request carries the session of a staff user allowed to read drafts.
     */
    preview: async <S extends 'campaigns' | 'posts' | 'drives' | 'contests'>(
      collection: S,
      id: string,
      lang: Lang,
      headers: Headers,
    ): Promise<(S extends 'campaigns' ? Campaign : S extends 'drives' ? Drive : S extends 'contests' ? Contest : Post) | null> =>
      guard(async () => {
        const { user } = await payload.auth({ headers })
        if (!user) return null
        const doc = await payload.findByID({ collection, id, locale: lang, depth: 1, draft: true, overrideAccess: false, user, disableErrors: true })
        return (doc as (S extends 'campaigns' ? Campaign : S extends 'drives' ? Drive : S extends 'contests' ? Contest : Post) | null) ?? null
      }),
  }
}

export type Cms = ReturnType<typeof createCms>

const instances = new WeakMap<Payload, Cms>()

/** The CMS for this request, from what the server put in Astro.locals. */
/** The sign-up door for a request (see ./signup.ts). */
export function signUpsFrom(locals: App.Locals): ReturnType<typeof signUpApi> {
  if (!locals.payload) throw new CmsUnavailableError('The CMS is not started')
  return signUpApi(locals.payload)
}

/** The contest entry door for a request (see ./contests.ts). */
export function entriesFrom(locals: App.Locals): ReturnType<typeof entriesApi> {
  if (!locals.payload) throw new CmsUnavailableError('The CMS is not started')
  return entriesApi(locals.payload)
}

/** The pledge door for a request (see ./drives.ts). */
export function pledgesFrom(locals: App.Locals): ReturnType<typeof pledgeApi> {
  if (!locals.payload) throw new CmsUnavailableError('The CMS is not started')
  return pledgeApi(locals.payload)
}

export function cmsFrom(locals: App.Locals): Cms {
  const payload = locals.payload
  if (!payload) throw new CmsUnavailableError('The CMS is not started')
  let cms = instances.get(payload)
  if (!cms) {
    cms = createCms(payload)
    instances.set(payload, cms)
  }
  return cms
}

/** The URL of an image size (falling back to the original), or null. */
export function imageURL(media: Campaign['hero'] | Post['cover'], size: 'thumbnail' | 'card' | 'hero' = 'card'): string | null {
  if (!media || typeof media !== 'object') return null
  return media.sizes?.[size]?.url ?? media.url ?? null
}

export function srcSet(media: Media): string {
  const sizes = media.sizes ?? {}
  return (['thumbnail', 'card', 'hero'] as const)
    .map((name) => sizes[name])
    .filter((s): s is { url: string; width: number } => Boolean(s?.url && s.width))
    .map((s) => `${s.url} ${s.width}w`)
    .join(', ')
}

// Domain rules the pages need, from the CMS's services (pure functions, no database).
export { compareIndicators, pickCurrentCampaign, type IndicatorRow } from '../../../cms/services/campaigns'
export { categoryLabel } from '../../../cms/services/posts'
export { EVENT_KINDS, PRIORITY_GROUPS, type SignUpState } from '../../../cms/services/events'
export { barShare, DRIVE_KINDS, ITEM_KINDS, pledgedShare } from '../../../cms/services/drives'
export { PLEDGE_MESSAGES } from '../../../cms/schemas/pledge-messages'
export { HONEYPOT_FIELD, FORM_TOKEN_FIELD } from '../../../cms/services/form-guard'
export { GUARDIAN_RELATIONSHIPS, REGISTRATION_STATUSES } from '../../../cms/services/staff'
export { consentInForce } from '../../../cms/services/registrations'
export { ASSENT_AGE } from '../../../cms/services/registrations'
export { categoryLabel as contestCategoryLabel, CONTEST_PHASES, publicChildName, type ContestPhase } from '../../../cms/services/contests'
export { ENTRY_STATUSES } from '../../../cms/services/entries'
export { BODY_LIMITS, formatBytes } from '../../../cms/limits'
export { ageOn }
