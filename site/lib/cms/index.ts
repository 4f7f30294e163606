/**
 * The site's one door to the CMS. Pages call these functions; nothing else in site/ talks to
 * Payload. Every read is made as the anonymous public (`overrideAccess: false`), so the
 * collections' own access rules apply: drafts and personal data never reach a page.
 * The Payload instance is handed over by the server through `Astro.locals.payload`.
 */
import type { Payload, Where } from 'payload'
import type { Campaign, Media, Post, Site } from '../../../cms/payload-types'
import type { Lang } from '../../i18n/routes'
import { CmsUnavailableError, isConnectionError } from './errors'

export { CmsUnavailableError, isConnectionError } from './errors'
export { richTextToHtml } from './richtext'
export type { Campaign, Media, Post, Site }

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

export function createCms(payload: Payload) {
  const asPublic = { overrideAccess: false, draft: false } as const
  const bySlug = <S extends 'campaigns' | 'posts'>(collection: S, lang: Lang, slug: string) =>
    guard(async () => {
      const res = await payload.find({ collection, locale: lang, depth: 1, limit: 1, where: { and: [published, { slug: { equals: slug } }] }, ...asPublic })
      return res.docs[0] ?? null
    })

  return {
    site: (lang: Lang): Promise<Site> =>
      guard(() => payload.findGlobal({ slug: 'site', locale: lang, depth: 0, ...asPublic })),

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

    /** Every public document, for the sitemap. */
    sitemapEntries: (): Promise<{ campaigns: Pick<Campaign, 'slug' | 'updatedAt'>[]; posts: Pick<Post, 'slug' | 'updatedAt'>[] }> =>
      guard(async () => {
        const select = { slug: true, updatedAt: true } as const
        const [campaigns, posts] = await Promise.all([
          payload.find({ collection: 'campaigns', depth: 0, limit: 0, pagination: false, where: published, select, ...asPublic }),
          payload.find({ collection: 'posts', depth: 0, limit: 0, pagination: false, where: published, select, sort: '-publishedAt', ...asPublic }),
        ])
        return { campaigns: campaigns.docs, posts: posts.docs }
      }),

    /**
     * A draft as its editor sees it, for the admin's preview button. Returns null unless the
     * request carries the session of a staff user allowed to read drafts.
     */
    preview: async <S extends 'campaigns' | 'posts'>(
      collection: S,
      id: string,
      lang: Lang,
      headers: Headers,
    ): Promise<(S extends 'campaigns' ? Campaign : Post) | null> =>
      guard(async () => {
        const { user } = await payload.auth({ headers })
        if (!user) return null
        const doc = await payload.findByID({ collection, id, locale: lang, depth: 1, draft: true, overrideAccess: false, user, disableErrors: true })
        return (doc as (S extends 'campaigns' ? Campaign : Post) | null) ?? null
      }),
  }
}

export type Cms = ReturnType<typeof createCms>

const instances = new WeakMap<Payload, Cms>()

/** The CMS for this request, from what the server put in Astro.locals. */
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
