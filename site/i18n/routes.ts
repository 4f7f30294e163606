/**
 * The public routes: one table. Every public URL in both languages is a row here (Vietnamese at
 * the root with Vietnamese words, English under /en/ with English words). Matching a path, every
 * link on the site, the language switch and hreflang, the sitemap, the navigation and the links
 * in emails are all made from these rows; what each page loads and which view renders it are
 * keyed by the same names (site/routes/pages.ts, site/pages/[...path].astro), so a row without
 * them fails the type check. Nothing here imports Astro or the CMS: the server and the emails use
 * it too.
 *
 * A path is literal words and `:param` segments; what a parameter may hold is in PARAMS. A path
 * no row matches is 404.
 */
export const LANGS = ['vi', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** What each path parameter may hold. */
const PARAMS = {
  slug: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** news pages after the first (the first is the news route itself) */
  page: /^(?:[2-9]|[1-9]\d{1,4})$/,
  /** a shown contest picture: the random name of its public copy (cms/services/gallery.ts) */
  picture: /^[A-Za-z0-9_-]{22}$/,
  /** manage links carry a 43-character secret token (see cms/services/registrations.ts) */
  token: /^[A-Za-z0-9_-]{43}$/,
} as const
type ParamName = keyof typeof PARAMS
type ParamValue<N extends ParamName> = N extends 'page' ? number : string

/** The parameters a path pattern names: `/chien-dich/:slug/` → `{ slug: string }`. */
export type ParamsOf<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? { [K in N & ParamName]: ParamValue<K> } & ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? { [K in N & ParamName]: ParamValue<K> }
    : Record<never, never>

type RouteRow = {
  /** the path in each language */
  path: Record<Lang, string>
  /** the navigation entry the page belongs under (highlighted in the header) */
  section: Section
  /** private pages (a family's sign-up, a manage link): never cached, never indexed, address never sent to another site */
  private?: true
  /** not an HTML page: answered by the route's own handler (a feed, a data download) */
  kind?: 'feed' | 'data'
  /** listed in the sitemap (pages with parameters list one entry per document, see site/routes/pages.ts) */
  sitemap?: true
}

/** The header's navigation, in order: each is a route name. */
export const NAV = ['home', 'campaigns', 'events', 'contests', 'drives', 'news', 'hotline'] as const
export type Section = (typeof NAV)[number]

export const ROUTES = {
  home: { path: { vi: '/', en: '/en/' }, section: 'home', sitemap: true },
  campaigns: { path: { vi: '/chien-dich/', en: '/en/campaigns/' }, section: 'campaigns', sitemap: true },
  campaign: { path: { vi: '/chien-dich/:slug/', en: '/en/campaigns/:slug/' }, section: 'campaigns', sitemap: true },
  news: { path: { vi: '/tin-tuc/', en: '/en/news/' }, section: 'news', sitemap: true },
  newsPage: { path: { vi: '/tin-tuc/trang/:page/', en: '/en/news/page/:page/' }, section: 'news' },
  post: { path: { vi: '/tin-tuc/:slug/', en: '/en/news/:slug/' }, section: 'news', sitemap: true },
  hotline: { path: { vi: '/duong-day-nong-111/', en: '/en/hotline-111/' }, section: 'hotline', sitemap: true },
  events: { path: { vi: '/su-kien/', en: '/en/events/' }, section: 'events', sitemap: true },
  event: { path: { vi: '/su-kien/:slug/', en: '/en/events/:slug/' }, section: 'events', sitemap: true },
  signup: { path: { vi: '/su-kien/:slug/dang-ky/', en: '/en/events/:slug/sign-up/' }, section: 'events', private: true },
  drives: { path: { vi: '/ung-ho/', en: '/en/donate/' }, section: 'drives', sitemap: true },
  drive: { path: { vi: '/ung-ho/:slug/', en: '/en/donate/:slug/' }, section: 'drives', sitemap: true },
  pledge: { path: { vi: '/ung-ho/:slug/cam-ket/', en: '/en/donate/:slug/pledge/' }, section: 'drives', private: true },
  contests: { path: { vi: '/cuoc-thi/', en: '/en/contests/' }, section: 'contests', sitemap: true },
  contest: { path: { vi: '/cuoc-thi/:slug/', en: '/en/contests/:slug/' }, section: 'contests', sitemap: true },
  contestPicture: { path: { vi: '/cuoc-thi/:slug/tranh/:picture/', en: '/en/contests/:slug/pictures/:picture/' }, section: 'contests', sitemap: true },
  enter: { path: { vi: '/cuoc-thi/:slug/gui-tranh/', en: '/en/contests/:slug/enter/' }, section: 'contests', private: true },
  entry: { path: { vi: '/bai-du-thi/:token/', en: '/en/entry/:token/' }, section: 'contests', private: true },
  entryData: { path: { vi: '/bai-du-thi/:token/data.json', en: '/en/entry/:token/data.json' }, section: 'contests', private: true, kind: 'data' },
  entryPicture: { path: { vi: '/bai-du-thi/:token/tranh.webp', en: '/en/entry/:token/picture.webp' }, section: 'contests', private: true, kind: 'data' },
  manage: { path: { vi: '/quan-ly/:token/', en: '/en/manage/:token/' }, section: 'home', private: true },
  manageData: { path: { vi: '/quan-ly/:token/data.json', en: '/en/manage/:token/data.json' }, section: 'home', private: true, kind: 'data' },
  rss: { path: { vi: '/rss.xml', en: '/en/rss.xml' }, section: 'news', kind: 'feed' },
} as const satisfies Record<string, RouteRow>

export type RouteName = keyof typeof ROUTES
export type Params<K extends RouteName> = ParamsOf<(typeof ROUTES)[K]['path']['vi']>
/** Routes that render an HTML page (a view), as opposed to feeds and downloads. */
export type PageName = { [K in RouteName]: (typeof ROUTES)[K] extends { kind: string } ? never : K }[RouteName]
/** Sitemap pages with parameters: each lists its documents (site/lib/pages.ts, SITEMAP). */
export type ListedWithParams = { [K in RouteName]: (typeof ROUTES)[K] extends { sitemap: true } ? (keyof Params<K> extends never ? never : K) : never }[RouteName]
/** Sitemap pages without parameters: one entry each. */
export const LISTED = (Object.keys(ROUTES) as RouteName[]).filter((name) => {
  const row: RouteRow = ROUTES[name]
  return row.sitemap === true && !row.path.vi.includes(':')
})

// Both languages of a row name the same parameters (a compile-time check).
type SameParams = { [K in RouteName]: ParamsOf<(typeof ROUTES)[K]['path']['en']> extends Params<K> ? (Params<K> extends ParamsOf<(typeof ROUTES)[K]['path']['en']> ? true : K) : K }[RouteName]
const sameParams: SameParams = true
void sameParams

/** A matched path: which route, in which language, with which parameters. */
export type Match<K extends RouteName = RouteName> = K extends RouteName ? { name: K; lang: Lang; params: Params<K> } : never

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export function langFromPath(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi'
}

export function isPrivate(name: RouteName): boolean {
  const row: RouteRow = ROUTES[name]
  return row.private === true
}

export function sectionOf(name: RouteName): Section {
  return ROUTES[name].section
}

/** The path of a route in a language: `href('event', 'en', { slug: 'lop-boi' })` → `/en/events/lop-boi/`. */
export function href<K extends RouteName>(name: K, lang: Lang, ...[params]: keyof Params<K> extends never ? [] : [Params<K>]): string {
  return pathFor(name, lang, params ?? {})
}

/** The path of a route for parameters known only at run time (the sitemap's documents). */
export function pathFor(name: RouteName, lang: Lang, params: object): string {
  return fill(ROUTES[name].path[lang], params)
}

function fill(pattern: string, params: object): string {
  const values = new Map(Object.entries(params))
  return pattern.replace(/:([a-z]+)/g, (_, key: string) => encodeURIComponent(String(values.get(key))))
}

/** Pages of the news list: page 1 is the news route, the others `…/trang/n/`. */
export function newsPageHref(lang: Lang, page: number): string {
  return page <= 1 ? href('news', lang) : href('newsPage', lang, { page })
}

type Compiled = { name: RouteName; lang: Lang; segments: string[]; file: boolean }
const segmentsOf = (path: string) => path.split('/').filter(Boolean)
const COMPILED: Compiled[] = Object.entries(ROUTES).flatMap(([name, row]) =>
  LANGS.map((lang) => ({ name: name as RouteName, lang, segments: segmentsOf(row.path[lang]), file: !row.path[lang].endsWith('/') })),
)
/** Literal words that follow a prefix in some row: a parameter at that place may not take one of them. */
const WORDS_AFTER = new Map<string, Set<string>>()
for (const c of COMPILED) {
  c.segments.forEach((segment, i) => {
    if (segment.startsWith(':')) return
    const key = `${c.lang} ${c.segments.slice(0, i).join('/')}`
    WORDS_AFTER.set(key, (WORDS_AFTER.get(key) ?? new Set()).add(segment))
  })
}

/** Which route a path asks for, or null (404). Pages end with `/`; feeds and downloads do not. */
export function matchRoute(pathname: string): Match | null {
  const lang = langFromPath(pathname)
  const file = !pathname.endsWith('/')
  const parts = segmentsOf(pathname)
  for (const c of COMPILED) {
    if (c.lang !== lang || c.file !== file || c.segments.length !== parts.length) continue
    const params: Record<string, string | number> = {}
    const ok = c.segments.every((segment, i) => {
      const part = parts[i] ?? ''
      if (!segment.startsWith(':')) return segment === part
      const name = segment.slice(1) as ParamName
      if (WORDS_AFTER.get(`${lang} ${c.segments.slice(0, i).join('/')}`)?.has(part)) return false
      if (!PARAMS[name].test(part)) return false
      params[name] = name === 'page' ? Number(part) : part
      return true
    })
    if (ok) return { name: c.name, lang, params } as Match
  }
  return null
}

/** The same page in the other language (the language switch and hreflang); the other home when the path is no page. */
export function alternatePath(pathname: string, to: Lang): string {
  const match = matchRoute(pathname)
  if (!match) return href('home', to)
  if (match.lang === to) return pathname
  return fill(ROUTES[match.name].path[to], match.params)
}
