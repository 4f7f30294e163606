/**
 * What each public page of the route table (site/i18n/routes.ts) loads, and the head data it
 * gives (title, description, share image), keyed by route name. A loader returns the props of
 * the page's view (site/pages/[...path].astro) or null when the thing asked for does not exist
 * (404). Pages with parameters say which documents the sitemap lists.
 */
import type { AstroGlobal } from 'astro'
import { actions } from 'astro:actions'
import type { Lang, ListedWithParams, Match, PageName, Params, RouteName } from '../i18n/routes'
import { drivesUI } from '../i18n/drives'
import { contestsUI } from '../i18n/contests'
import { PAGE_EXPIRES_HEADER } from '../../server/page-cache'
import { contestPagesHoldUntil } from './contest-time'
import { signUpUI } from '../i18n/signup'
import { useUI } from '../i18n/ui'
import { categoryLabel, compareIndicators, entriesFrom, EVENT_KINDS, imageURL, pickCurrentCampaign, signUpsFrom, type Cms, type EventFilters, type Site } from './cms'

export const NEWS_PER_PAGE = 9

export type PageContext<K extends PageName> = {
  lang: Lang
  params: Params<K>
  cms: Cms
  site: Promise<Site>
  search: URLSearchParams
  /** today, ISO */
  today: string
  astro: Pick<AstroGlobal, 'getActionResult' | 'locals'>
}

export type Head = { title: string; description?: string; image?: string | null; type?: 'website' | 'article' }

type Page<K extends PageName, D> = {
  load(ctx: PageContext<K>): Promise<D | null>
  head(data: D, ctx: PageContext<K>): Head | Promise<Head>
  /** the status and headers of the answer, when not 200 and the defaults */
  answer?(data: D): { status?: number; headers?: Record<string, string> }
}

/** Documents the sitemap lists for a page with parameters. */
export type SitemapDocs = Awaited<ReturnType<Cms['sitemapEntries']>>
export type SitemapEntry<K extends PageName> = { params: Params<K>; lastmod?: string }

const page = <K extends PageName>() => <D>(def: Page<K, D>) => def

/** Event filters from the query string, ignoring anything malformed. */
export function eventFilters(search: URLSearchParams): EventFilters {
  const kind = search.get('loai') ?? search.get('kind') ?? ''
  const area = search.get('xa') ?? search.get('area') ?? ''
  const age = Number(search.get('tuoi') ?? search.get('age') ?? '')
  const from = search.get('tu') ?? search.get('from') ?? ''
  return {
    kind: kind in EVENT_KINDS ? kind : undefined,
    area: /^[A-Za-z0-9]{1,40}$/.test(area) ? area : undefined,
    age: search.has('tuoi') || search.has('age') ? (Number.isInteger(age) && age >= 0 && age <= 18 ? age : undefined) : undefined,
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    seatsOnly: (search.get('con-cho') ?? search.get('seats')) === '1',
  }
}

const retryHeaders = (retryAfter: number | null): Record<string, string> => (retryAfter !== null ? { 'retry-after': String(retryAfter) } : {})

/** A page kept in memory holds only until its countdown or its contests' phase moves on (server/page-cache.ts). */
const holdsUntil = (until: number): Record<string, string> => ({ [PAGE_EXPIRES_HEADER]: String(until) })

async function newsList(ctx: PageContext<'news' | 'newsPage'>, pageNumber: number) {
  const posts = await ctx.cms.posts(ctx.lang, pageNumber, NEWS_PER_PAGE)
  if (pageNumber > 1 && pageNumber > posts.totalPages) return null
  return { posts }
}

const newsHead = (data: NonNullable<Awaited<ReturnType<typeof newsList>>>, ctx: { lang: Lang }): Head => {
  const ui = useUI(ctx.lang)
  return { title: data.posts.page > 1 ? `${ui.newsTitle} — ${ui.page} ${data.posts.page}` : ui.newsTitle, description: ui.newsLead }
}

async function eventOf(ctx: PageContext<'event' | 'signup'>) {
  return ctx.cms.eventBySlug(ctx.lang, ctx.params.slug)
}

export const PAGES = {
  home: page<'home'>()({
    async load(ctx) {
      const [campaigns, latest, site] = await Promise.all([ctx.cms.campaigns(ctx.lang), ctx.cms.posts(ctx.lang, 1, 6), ctx.site])
      const current = pickCurrentCampaign(campaigns, ctx.today)
      return { current, past: campaigns.filter((c) => c.id !== current?.id).slice(0, 6), latest: latest.docs, hotlineText: site.hotline?.text }
    },
    async head(data, ctx) {
      const site = await ctx.site
      return {
        title: site.name,
        description: data.current ? `${useUI(ctx.lang).currentCampaign} ${data.current.year}: ${data.current.theme}` : (site.tagline ?? undefined),
        image: imageURL(data.current?.hero, 'hero'),
      }
    },
  }),
  campaigns: page<'campaigns'>()({
    load: async (ctx) => ({ campaigns: await ctx.cms.campaigns(ctx.lang) }),
    head: (_, ctx) => ({ title: useUI(ctx.lang).campaignsTitle, description: useUI(ctx.lang).campaignsLead }),
  }),
  campaign: page<'campaign'>()({
    async load(ctx) {
      const campaign = await ctx.cms.campaignBySlug(ctx.lang, ctx.params.slug)
      if (!campaign) return null
      const posts = await ctx.cms.posts(ctx.lang, 1, 12, campaign.id)
      return { campaign, indicators: compareIndicators(campaign.targets ?? [], campaign.results ?? []), posts: posts.docs }
    },
    head: ({ campaign }) => ({ title: campaign.title, description: campaign.summary ?? campaign.theme, image: imageURL(campaign.hero, 'hero') }),
  }),
  news: page<'news'>()({ load: (ctx) => newsList(ctx, 1), head: newsHead }),
  newsPage: page<'newsPage'>()({ load: (ctx) => newsList(ctx, ctx.params.page), head: newsHead }),
  post: page<'post'>()({
    async load(ctx) {
      const post = await ctx.cms.postBySlug(ctx.lang, ctx.params.slug)
      return post ? { post, categoryLabel: categoryLabel(post.category, ctx.lang) } : null
    },
    head: ({ post }) => ({ title: post.title, description: post.excerpt ?? undefined, image: imageURL(post.cover, 'hero'), type: 'article' }),
  }),
  hotline: page<'hotline'>()({
    load: async (ctx) => ({ hotlineText: (await ctx.site).hotline?.text }),
    head: (_, ctx) => ({ title: useUI(ctx.lang).hotline.title, description: useUI(ctx.lang).hotline.lead }),
  }),
  events: page<'events'>()({
    async load(ctx) {
      const filters = eventFilters(ctx.search)
      const [events, areas] = await Promise.all([ctx.cms.events(ctx.lang, filters), ctx.cms.eventAreas(ctx.lang)])
      return { events, areas, filters }
    },
    head: (_, ctx) => ({ title: useUI(ctx.lang).events.title, description: useUI(ctx.lang).events.lead }),
  }),
  event: page<'event'>()({
    load: async (ctx) => {
      const event = await eventOf(ctx)
      return event ? { event } : null
    },
    head: ({ event }) => ({ title: event.title, description: event.summary ?? undefined }),
  }),
  signup: page<'signup'>()({
    async load(ctx) {
      const event = await eventOf(ctx)
      if (!event) return null
      const signUp = ctx.astro.getActionResult(actions.signUp)
      const limited = signUp?.error?.code === 'TOO_MANY_REQUESTS' ? signUp.error : null
      return { event, result: signUp?.data ?? null, retryAfter: limited ? Number(limited.message) || 60 : null, tooLarge: signUp?.error?.code === 'CONTENT_TOO_LARGE' }
    },
    head: ({ event }, ctx) => ({ title: `${signUpUI(ctx.lang).title}: ${event.title}` }),
    answer: ({ result, retryAfter }) => ({
      status: result?.kind === 'invalid' || result?.kind === 'dropped' ? 400 : result?.kind === 'not-found' ? 404 : undefined,
      headers: retryHeaders(retryAfter),
    }),
  }),
  drives: page<'drives'>()({
    load: async (ctx) => ({ drives: await ctx.cms.drives(ctx.lang) }),
    head: (_, ctx) => ({ title: drivesUI(ctx.lang).title, description: drivesUI(ctx.lang).lead }),
  }),
  drive: page<'drive'>()({
    load: async (ctx) => {
      const drive = await ctx.cms.driveBySlug(ctx.lang, ctx.params.slug)
      return drive ? { drive } : null
    },
    head: ({ drive }) => ({ title: drive.title, description: drive.summary ?? undefined, image: imageURL(drive.hero, 'hero') }),
  }),
  pledge: page<'pledge'>()({
    async load(ctx) {
      const sent = ctx.astro.getActionResult(actions.pledge)
      const drive = await ctx.cms.pledgeDrive(ctx.lang, ctx.params.slug, sent?.data?.kind !== 'done')
      if (!drive) return null
      const limited = sent?.error?.code === 'TOO_MANY_REQUESTS' ? sent.error : null
      return { drive, result: sent?.data ?? null, retryAfter: limited ? Number(limited.message) || 60 : null, tooLarge: sent?.error?.code === 'CONTENT_TOO_LARGE' }
    },
    head: ({ drive }, ctx) => ({ title: `${drivesUI(ctx.lang).pledge}: ${drive.title}` }),
    answer: ({ result, retryAfter }) => ({
      status: result?.kind === 'invalid' || result?.kind === 'dropped' ? 400 : result?.kind === 'not-found' ? 404 : result?.kind === 'covered' || result?.kind === 'refused' ? 409 : undefined,
      headers: retryHeaders(retryAfter),
    }),
  }),
  contests: page<'contests'>()({
    load: async (ctx) => ({ contests: await ctx.cms.contests(ctx.lang), now: ctx.today }),
    head: (_, ctx) => ({ title: contestsUI(ctx.lang).title, description: contestsUI(ctx.lang).lead }),
    answer: ({ contests, now }) => ({ headers: holdsUntil(contestPagesHoldUntil(contests, new Date(now))) }),
  }),
  contest: page<'contest'>()({
    load: async (ctx) => {
      const contest = await ctx.cms.contestBySlug(ctx.lang, ctx.params.slug)
      return contest ? { contest, now: ctx.today } : null
    },
    head: ({ contest }) => ({
      title: contest.title,
      description: contest.summary ?? contest.theme,
      // once the results are out, a winner's share picture (only one the family agreed to show)
      image: contest.results?.categories.flatMap((c) => c.winners).find((w) => w.card?.share)?.card?.share?.url ?? imageURL(contest.hero, 'hero'),
    }),
    answer: ({ contest, now }) => ({ headers: holdsUntil(contestPagesHoldUntil([contest], new Date(now))) }),
  }),
  contestPicture: page<'contestPicture'>()({
    load: (ctx) => ctx.cms.contestPicture(ctx.lang, ctx.params.slug, ctx.params.picture),
    head: ({ contest, card }) => ({
      title: `“${card.title}” — ${card.name}`,
      description: `${contest.title}${card.award ? ` · ${card.award}` : ''}`,
      // a winner's share image: the picture whole on a plain background, 1200×630
      image: card.share?.url ?? card.large.url,
    }),
  }),
  enter: page<'enter'>()({
    async load(ctx) {
      const contest = await ctx.cms.contestForEntry(ctx.lang, ctx.params.slug)
      if (!contest) return null
      const sent = ctx.astro.getActionResult(actions.submitEntry)
      const limited = sent?.error?.code === 'TOO_MANY_REQUESTS' ? sent.error : null
      const communes = sent?.data?.kind === 'done' && !sent.data.next ? [] : await ctx.cms.communes(ctx.lang)
      return { contest, communes, now: ctx.today, result: sent?.data ?? null, retryAfter: limited ? Number(limited.message) || 60 : null, tooLarge: sent?.error?.code === 'CONTENT_TOO_LARGE' }
    },
    head: ({ contest }, ctx) => ({ title: `${contestsUI(ctx.lang).formTitle}: ${contest.title}` }),
    answer: ({ result, retryAfter }) => ({
      status:
        result?.kind === 'invalid' || result?.kind === 'dropped' ? 400
        : result?.kind === 'not-found' ? 404
        : result?.kind === 'refused' || result?.kind === 'cap-reached' || result?.kind === 'category-full' || result?.kind === 'withdrawn' ? 409
        : undefined,
      headers: retryHeaders(retryAfter),
    }),
  }),
  entry: page<'entry'>()({
    async load(ctx) {
      const { token } = ctx.params
      const withdraw = ctx.astro.getActionResult(actions.withdrawEntry)
      const publication = ctx.astro.getActionResult(actions.withdrawEntryPublication)
      const limited = [withdraw, publication].find((r) => r?.error?.code === 'TOO_MANY_REQUESTS')?.error
      // an unknown link still gets the page, which says so (with status 404)
      const managed = await entriesFrom(ctx.astro.locals).manage(token, ctx.lang)
      return { token, managed, withdrawOutcome: withdraw?.data?.outcome ?? null, publicationOutcome: publication?.data?.outcome ?? null, retryAfter: limited ? Number(limited.message) || 60 : null }
    },
    head: (_, ctx) => ({ title: contestsUI(ctx.lang).entryTitle }),
    answer: ({ managed, retryAfter }) => ({ status: managed ? undefined : 404, headers: retryHeaders(retryAfter) }),
  }),
  manage: page<'manage'>()({
    async load(ctx) {
      const { token } = ctx.params
      const cancel = ctx.astro.getActionResult(actions.cancelSignUp)
      const withdraw = ctx.astro.getActionResult(actions.withdrawPhotoConsent)
      const limited = [cancel, withdraw].find((r) => r?.error?.code === 'TOO_MANY_REQUESTS')?.error
      // an unknown or ended link still gets the manage page, which says so (with status 404)
      const managed = await signUpsFrom(ctx.astro.locals).manage(token)
      return { token, managed, cancelOutcome: cancel?.data?.outcome ?? null, withdrawOutcome: withdraw?.data?.outcome ?? null, retryAfter: limited ? Number(limited.message) || 60 : null }
    },
    head: (_, ctx) => ({ title: signUpUI(ctx.lang).manageTitle }),
    answer: ({ managed, retryAfter }) => ({ status: managed ? undefined : 404, headers: retryHeaders(retryAfter) }),
  }),
}

/** One entry per document for the sitemap's pages with parameters. */
export const SITEMAP: { [K in ListedWithParams]: (docs: SitemapDocs) => SitemapEntry<K>[] } = {
  campaign: (docs) => docs.campaigns.map((c) => ({ params: { slug: c.slug }, lastmod: c.updatedAt })),
  post: (docs) => docs.posts.map((p) => ({ params: { slug: p.slug }, lastmod: p.updatedAt })),
  event: (docs) => docs.events.map((e) => ({ params: { slug: e.slug }, lastmod: e.updatedAt })),
  drive: (docs) => docs.drives.map((d) => ({ params: { slug: d.slug }, lastmod: d.updatedAt })),
  contest: (docs) => docs.contests.map((c) => ({ params: { slug: c.slug }, lastmod: c.updatedAt })),
  contestPicture: (docs) => docs.pictures.map((p) => ({ params: { slug: p.slug, picture: p.picture }, lastmod: p.lastmod })),
}

export type PageData<K extends PageName> = NonNullable<Awaited<ReturnType<(typeof PAGES)[K]['load']>>>

/** `status` is unset when the page leaves it as it is (200, or the status of a refused action: 413, 429). */
export type LoadedPage = { name: PageName; data: object; head: Head; status?: number; headers: Record<string, string> }

/** Loads a matched page: its view's props, head data and answer; null when it does not exist (404). */
export async function loadPage(match: Match, base: Omit<PageContext<PageName>, 'lang' | 'params'>): Promise<LoadedPage | null> {
  if (!isPage(match.name)) return null
  // the page of the matched name, given that name's parameters (PAGES pairs them; TypeScript
  // cannot follow the pairing through a union, hence the one widening here)
  const page = PAGES[match.name] as Page<PageName, object>
  const ctx: PageContext<PageName> = { ...base, lang: match.lang, params: match.params as Params<PageName> }
  const data = await page.load(ctx)
  if (!data) return null
  const answer = page.answer?.(data) ?? {}
  return { name: match.name, data, head: await page.head(data, ctx), status: answer.status, headers: answer.headers ?? {} }
}

function isPage(name: RouteName): name is PageName {
  return name in PAGES
}
