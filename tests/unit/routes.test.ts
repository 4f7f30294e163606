import { describe, expect, it } from 'vitest'
import { MANAGE_PATHS } from '../../cms/email/signup'
import { alternatePath, href, matchRoute } from '../../site/i18n/routes'

describe('public URLs', () => {
  it.each([
    ['/', { name: 'home', lang: 'vi' }],
    ['/en/', { name: 'home', lang: 'en' }],
    ['/chien-dich/', { name: 'campaigns', lang: 'vi' }],
    ['/en/campaigns/thang-hanh-dong-2025/', { name: 'campaign', lang: 'en', slug: 'thang-hanh-dong-2025' }],
    ['/tin-tuc/', { name: 'news', lang: 'vi', page: 1 }],
    ['/tin-tuc/trang/3/', { name: 'news', lang: 'vi', page: 3 }],
    ['/en/news/page/2/', { name: 'news', lang: 'en', page: 2 }],
    ['/tin-tuc/mot-bai-viet/', { name: 'post', lang: 'vi', slug: 'mot-bai-viet' }],
    ['/duong-day-nong-111/', { name: 'hotline', lang: 'vi' }],
    ['/en/hotline-111/', { name: 'hotline', lang: 'en' }],
    ['/su-kien/', { name: 'events', lang: 'vi' }],
    ['/en/events/lop-boi-he/', { name: 'event', lang: 'en', slug: 'lop-boi-he' }],
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
    expect(href.newsPage('vi', 1)).toBe('/tin-tuc/')
    expect(href.newsPage('en', 4)).toBe('/en/news/page/4/')
    expect(href.post('vi', 'bai-1')).toBe('/tin-tuc/bai-1/')
  })

  it('routes the sign-up and manage pages, and the manage links the emails carry match them', () => {
    const token = 'a'.repeat(43)
    expect(matchRoute('/su-kien/lop-boi/dang-ky/')).toEqual({ name: 'signup', lang: 'vi', slug: 'lop-boi' })
    expect(matchRoute('/en/events/lop-boi/sign-up/')).toEqual({ name: 'signup', lang: 'en', slug: 'lop-boi' })
    expect(matchRoute('/su-kien/lop-boi/sign-up/')).toBeNull()
    expect(matchRoute(`/quan-ly/${token}/`)).toEqual({ name: 'manage', lang: 'vi', token })
    expect(matchRoute(`/en/manage/${token}/`)).toEqual({ name: 'manage', lang: 'en', token })
    expect(matchRoute('/quan-ly/short/')).toBeNull()
    expect(alternatePath('/su-kien/lop-boi/dang-ky/', 'en')).toBe('/en/events/lop-boi/sign-up/')
    expect(alternatePath(`/en/manage/${token}/`, 'vi')).toBe(`/quan-ly/${token}/`)
    expect(href.manage('vi', token)).toBe(`${MANAGE_PATHS.vi}${token}/`)
    expect(href.manage('en', token)).toBe(`${MANAGE_PATHS.en}${token}/`)
  })
})
