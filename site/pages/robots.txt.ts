import type { APIRoute } from 'astro'

export const GET: APIRoute = ({ locals }) =>
  new Response(`User-agent: *\nDisallow: /admin\nDisallow: /api\nDisallow: /preview\nSitemap: ${locals.siteURL}/sitemap.xml\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
