import { describe, expect, it } from 'vitest'
import { manageLink } from '../../cms/email/signup'
import { entryManageUrl } from '../../cms/services/entries'
import { alternatePath, href, isPrivate, LANGS, matchRoute, NAV, newsPageHref, pathFor, ROUTES, type RouteName } from '../../site/i18n/routes'

describe('public URLs', () => {
  it.each([
    ['/', { name: 'home', lang: 'vi', params: {} }],
    ['/en/', { name: 'home', lang: 'en', params: {} }],
    ['/chien-dich/', { name: 'campaigns', lang: 'vi', params: {} }],
    ['/en/campaigns/thang-hanh-dong-2025/', { name: 'campaign', lang: 'en', params: { slug: 'thang-hanh-dong-2025' } }],
    ['/tin-tuc/', { name: 'news', lang: 'vi', params: {} }],
    ['/tin-tuc/trang/3/', { name: 'newsPage', lang: 'vi', params: { page: 3 } }],
    ['/en/news/page/2/', { name: 'newsPage', lang: 'en', params: { page: 2 } }],
    ['/tin-tuc/mot-bai-viet/', { name: 'post', lang: 'vi', params: { slug: 'mot-bai-viet' } }],
    ['/duong-day-nong-111/', { name: 'hotline', lang: 'vi', params: {} }],
    ['/en/hotline-111/', { name: 'hotline', lang: 'en', params: {} }],
    ['/su-kien/', { name: 'events', lang: 'vi', params: {} }],
    ['/en/events/lop-boi-he/', { name: 'event', lang: 'en', params: { slug: 'lop-boi-he' } }],
  ])('%s is %o', (path, route) => {
    expect(matchRoute(path)).toEqual(route)
  })

  it.each(['/khong-co/', '/chien-dich/A_B/', '/tin-tuc/trang/0/', '/tin-tuc/trang/abc/', '/en/chien-dich/', '/chien-dich/a/b/', '/en/news/page/'])(
    '%s is not a page',
    (path) => {
      expect(matchRoute(path)).toBeNull()
    },
  )

  it('links to the same page in the other language', () => {
    expect(alternatePath('/', 'en')).toBe('/en/')
    expect(alternatePath('/en/', 'vi')).toBe('/')
    expect(alternatePath('/chien-dich/abc/', 'en')).toBe('/en/campaigns/abc/')
    expect(alternatePath('/en/news/page/2/', 'vi')).toBe('/tin-tuc/trang/2/')
    expect(alternatePath('/tin-tuc/trang/2/', 'en')).toBe('/en/news/page/2/')
    expect(alternatePath('/khong-co/', 'en')).toBe('/en/')
    expect(alternatePath('/su-kien/lop-boi/', 'en')).toBe('/en/events/lop-boi/')
  })

  it('makes page links in both languages', () => {
    expect(newsPageHref('vi', 1)).toBe('/tin-tuc/')
    expect(newsPageHref('en', 4)).toBe('/en/news/page/4/')
    expect(href('post', 'vi', { slug: 'bai-1' })).toBe('/tin-tuc/bai-1/')
  })

  it('routes the sign-up and manage pages, and the manage links the emails carry match them', () => {
    const token = 'a'.repeat(43)
    expect(matchRoute('/su-kien/lop-boi/dang-ky/')).toEqual({ name: 'signup', lang: 'vi', params: { slug: 'lop-boi' } })
    expect(matchRoute('/en/events/lop-boi/sign-up/')).toEqual({ name: 'signup', lang: 'en', params: { slug: 'lop-boi' } })
    expect(matchRoute('/su-kien/lop-boi/sign-up/')).toBeNull()
    expect(matchRoute(`/quan-ly/${token}/`)).toEqual({ name: 'manage', lang: 'vi', params: { token } })
    expect(matchRoute(`/en/manage/${token}/`)).toEqual({ name: 'manage', lang: 'en', params: { token } })
    expect(matchRoute('/quan-ly/short/')).toBeNull()
    expect(alternatePath('/su-kien/lop-boi/dang-ky/', 'en')).toBe('/en/events/lop-boi/sign-up/')
    expect(alternatePath(`/en/manage/${token}/`, 'vi')).toBe(`/quan-ly/${token}/`)
    expect(manageLink('https://x.vn', 'vi', token)).toBe(`https://x.vn/quan-ly/${token}/`)
    expect(manageLink('https://x.vn', 'en', token)).toBe(`https://x.vn/en/manage/${token}/`)
  })

  const sample = { slug: 'lop-boi-he', page: 7, token: 'b'.repeat(43), picture: 'c'.repeat(22) }
  const names = Object.keys(ROUTES) as RouteName[]

  it.each(names)('route %s: its path in each language matches back to it, and the language switch lands on its twin', (name) => {
    for (const lang of LANGS) {
      const params = Object.fromEntries(Object.entries(sample).filter(([key]) => ROUTES[name].path.vi.includes(`:${key}`)))
      const path = pathFor(name, lang, params)
      expect(matchRoute(path)).toEqual({ name, lang, params })
      for (const to of LANGS) expect(alternatePath(path, to)).toBe(pathFor(name, to, params))
    }
  })

  it('no two rows share a path, and no path can be taken for another row', () => {
    const paths = names.flatMap((name) => LANGS.map((lang) => pathFor(name, lang, sample)))
    expect(new Set(paths).size).toBe(paths.length)
  })

  it.each(['/tin-tuc/trang/', '/tin-tuc/trang/1/', '/su-kien/x/dang-ky/thua/', '/rss.xml/', '/en/rss.xml/x', '/quan-ly/' + 'a'.repeat(43) + '/data.json/', '/en/news/page/'])(
    '%s is no page (404)',
    (path) => {
      expect(matchRoute(path)).toBeNull()
    },
  )

  it('routes the contests, a contest, its entry form, and an entry\'s private page, download and picture', () => {
    const token = 'c'.repeat(43)
    expect(matchRoute('/cuoc-thi/')).toEqual({ name: 'contests', lang: 'vi', params: {} })
    expect(matchRoute('/en/contests/')).toEqual({ name: 'contests', lang: 'en', params: {} })
    expect(matchRoute('/cuoc-thi/uoc-mo-cua-em-2027/')).toEqual({ name: 'contest', lang: 'vi', params: { slug: 'uoc-mo-cua-em-2027' } })
    expect(matchRoute('/cuoc-thi/uoc-mo-cua-em-2027/gui-tranh/')).toEqual({ name: 'enter', lang: 'vi', params: { slug: 'uoc-mo-cua-em-2027' } })
    expect(matchRoute('/en/contests/uoc-mo-cua-em-2027/enter/')).toEqual({ name: 'enter', lang: 'en', params: { slug: 'uoc-mo-cua-em-2027' } })
    expect(matchRoute(`/bai-du-thi/${token}/`)).toEqual({ name: 'entry', lang: 'vi', params: { token } })
    expect(matchRoute(`/en/entry/${token}/data.json`)).toEqual({ name: 'entryData', lang: 'en', params: { token } })
    expect(matchRoute(`/bai-du-thi/${token}/tranh.webp`)).toEqual({ name: 'entryPicture', lang: 'vi', params: { token } })
    expect(alternatePath(`/bai-du-thi/${token}/tranh.webp`, 'en')).toBe(`/en/entry/${token}/picture.webp`)
    expect(alternatePath('/cuoc-thi/uoc-mo/gui-tranh/', 'en')).toBe('/en/contests/uoc-mo/enter/')
    for (const path of ['/cuoc-thi/uoc-mo/enter/', '/bai-du-thi/ngan/', `/bai-du-thi/${token}/tranh.jpg`, `/bai-du-thi/${token}/tranh.webp/`, '/cuoc-thi/uoc-mo/gui-tranh/thua/']) expect(matchRoute(path), path).toBeNull()
    for (const name of ['enter', 'entry', 'entryData', 'entryPicture'] as const) expect(isPrivate(name), name).toBe(true)
    expect(NAV).toContain('contests')
    // the confirmation email's link is the entry's page
    expect(entryManageUrl('https://x.vn', 'vi', token)).toBe(`https://x.vn${href('entry', 'vi', { token })}`)
    expect(entryManageUrl('https://x.vn', 'en', token)).toBe(`https://x.vn${href('entry', 'en', { token })}`)
  })
})
