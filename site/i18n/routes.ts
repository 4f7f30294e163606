/**
 * Public URLs in both languages. Vietnamese lives at the root with Vietnamese words; English
 * under /en/ with English words. Every link on the site is made here.
 */
export const LANGS = ['vi', 'en'] as const
export type Lang = (typeof LANGS)[number]

const SECTIONS = {
  home: { vi: '/', en: '/en/' },
  campaigns: { vi: '/chien-dich/', en: '/en/campaigns/' },
  news: { vi: '/tin-tuc/', en: '/en/news/' },
  events: { vi: '/su-kien/', en: '/en/events/' },
  hotline: { vi: '/duong-day-nong-111/', en: '/en/hotline-111/' },
  manage: { vi: '/quan-ly/', en: '/en/manage/' },
  rss: { vi: '/rss.xml', en: '/en/rss.xml' },
} as const
export type Section = keyof typeof SECTIONS

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export function langFromPath(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi'
}

export function sectionHref(lang: Lang, section: Section): string {
  return SECTIONS[section][lang]
}

const SIGN_UP_WORD = { vi: 'dang-ky', en: 'sign-up' } as const
/** Manage links carry a 43-character secret token (see cms/services/registrations.ts). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

export const href = {
  campaign: (lang: Lang, slug: string) => `${SECTIONS.campaigns[lang]}${encodeURIComponent(slug)}/`,
  post: (lang: Lang, slug: string) => `${SECTIONS.news[lang]}${encodeURIComponent(slug)}/`,
  event: (lang: Lang, slug: string) => `${SECTIONS.events[lang]}${encodeURIComponent(slug)}/`,
  signUp: (lang: Lang, slug: string) => `${SECTIONS.events[lang]}${encodeURIComponent(slug)}/${SIGN_UP_WORD[lang]}/`,
  manage: (lang: Lang, token: string) => `${SECTIONS.manage[lang]}${encodeURIComponent(token)}/`,
  manageData: (lang: Lang, token: string) => `${SECTIONS.manage[lang]}${encodeURIComponent(token)}/data.json`,
  newsPage: (lang: Lang, page: number) => (page <= 1 ? SECTIONS.news[lang] : `${SECTIONS.news[lang]}${lang === 'vi' ? 'trang' : 'page'}/${page}/`),
}

/** The same page in the other language, for the language switcher and hreflang links. */
export function alternatePath(pathname: string, to: Lang): string {
  const from = langFromPath(pathname)
  if (from === to) return pathname
  for (const [name, section] of Object.entries(SECTIONS)) {
    const source = section[from]
    if (name === 'home' || !pathname.startsWith(source)) continue
    let rest = pathname.slice(source.length)
    rest = to === 'vi' ? rest.replace(/^page\//, 'trang/') : rest.replace(/^trang\//, 'page/')
    rest = rest.replace(new RegExp(`/${SIGN_UP_WORD[from]}/$`), `/${SIGN_UP_WORD[to]}/`)
    return section[to] + rest
  }
  return SECTIONS.home[to]
}

export type Route =
  | { name: 'home'; lang: Lang }
  | { name: 'campaigns'; lang: Lang }
  | { name: 'campaign'; lang: Lang; slug: string }
  | { name: 'news'; lang: Lang; page: number }
  | { name: 'post'; lang: Lang; slug: string }
  | { name: 'hotline'; lang: Lang }
  | { name: 'events'; lang: Lang }
  | { name: 'event'; lang: Lang; slug: string }
  | { name: 'signup'; lang: Lang; slug: string }
  | { name: 'manage'; lang: Lang; token: string }

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Which page a path asks for, or null for the 404 page. */
export function matchRoute(pathname: string): Route | null {
  const lang = langFromPath(pathname)
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`
  const parts = path.split('/').filter(Boolean)
  if (lang === 'en') parts.shift()
  const [first, second, third, ...rest] = parts
  if (rest.length) return null
  const words = lang === 'vi'
    ? { campaigns: 'chien-dich', news: 'tin-tuc', page: 'trang', hotline: 'duong-day-nong-111', events: 'su-kien', manage: 'quan-ly' }
    : { campaigns: 'campaigns', news: 'news', page: 'page', hotline: 'hotline-111', events: 'events', manage: 'manage' }
  if (first === undefined) return { name: 'home', lang }
  if (first === words.hotline && second === undefined) return { name: 'hotline', lang }
  if (first === words.campaigns) {
    if (second === undefined) return { name: 'campaigns', lang }
    if (third === undefined && SLUG.test(second)) return { name: 'campaign', lang, slug: second }
    return null
  }
  if (first === words.events) {
    if (second === undefined) return { name: 'events', lang }
    if (!SLUG.test(second)) return null
    if (third === undefined) return { name: 'event', lang, slug: second }
    if (third === SIGN_UP_WORD[lang]) return { name: 'signup', lang, slug: second }
    return null
  }
  if (first === words.manage) return second !== undefined && third === undefined && TOKEN.test(second) ? { name: 'manage', lang, token: second } : null
  if (first === words.news) {
    if (second === undefined) return { name: 'news', lang, page: 1 }
    if (second === words.page) return third !== undefined && /^[1-9]\d{0,4}$/.test(third) ? { name: 'news', lang, page: Number(third) } : null
    if (third === undefined && SLUG.test(second)) return { name: 'post', lang, slug: second }
  }
  return null
}
