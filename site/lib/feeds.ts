/** RSS feed of the news and the XML sitemap (with hreflang alternates), built from the CMS. */
import rss from '@astrojs/rss'
import type { APIContext } from 'astro'
import { cmsFrom } from './cms'
import { href, LANGS, LISTED, pathFor, ROUTES, type Lang, type ListedWithParams } from '../i18n/routes'
import { SITEMAP } from './pages'
import { useUI } from '../i18n/ui'

export async function newsFeed(locals: App.Locals, lang: Lang): Promise<Response> {
  const cms = cmsFrom(locals)
  const [site, posts] = await Promise.all([cms.site(lang), cms.posts(lang, 1, 30)])
  return rss({
    title: `${site.name} — ${useUI(lang).newsTitle}`,
    description: useUI(lang).newsLead,
    site: locals.siteURL,
    customData: `<language>${lang === 'vi' ? 'vi-vn' : 'en'}</language>`,
    items: posts.docs.map((post) => ({
      title: post.title,
      link: href('post', lang, { slug: post.slug }),
      pubDate: new Date(post.publishedAt),
      description: post.excerpt ?? undefined,
      author: post.byline ?? undefined,
    })),
  })
}

type Entry = { paths: Record<Lang, string>; lastmod?: string }

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)

export async function sitemap(context: APIContext): Promise<Response> {
  const cms = cmsFrom(context.locals)
  const docs = await cms.sitemapEntries()
  const both = (make: (lang: Lang) => string) => Object.fromEntries(LANGS.map((l) => [l, make(l)])) as Record<Lang, string>
  const entries: Entry[] = [
    ...LISTED.map((name) => ({ paths: ROUTES[name].path })),
    ...(Object.keys(SITEMAP) as ListedWithParams[]).flatMap((name) =>
      SITEMAP[name](docs).map((e) => ({ paths: both((l) => pathFor(name, l, e.params)), lastmod: e.lastmod })),
    ),
  ]
  const base = context.locals.siteURL
  const urls = entries.flatMap((entry) =>
    LANGS.map((lang) => {
      const alternates = LANGS.map((alt) => `<xhtml:link rel="alternate" hreflang="${alt}" href="${escapeXml(base + entry.paths[alt])}"/>`).join('')
      const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod.slice(0, 10)}</lastmod>` : ''
      return `<url><loc>${escapeXml(base + entry.paths[lang])}</loc>${lastmod}${alternates}</url>`
    }),
  )
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
