/**
 * The page shown when the content database cannot be reached (HTTP 503). It depends on
 * nothing but this file, so the server can send it even when the CMS could not start, and it
 * always carries the hotline 111.
 */
import type { Lang } from '../i18n/routes'
import { useUI } from '../i18n/ui'

export function unavailableHtml(lang: Lang): string {
  const ui = useUI(lang)
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${ui.unavailableTitle}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2937;line-height:1.6}
.bar{background:#b71c1c;color:#fff;padding:1rem}
.bar a{color:#fff;font-size:2.5rem;font-weight:900;text-decoration:none}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
</style>
</head>
<body>
<div class="bar"><main style="padding:0"><p>${ui.hotlineBanner}</p><p><a href="tel:111">111</a> · ${ui.hotlineFree}</p></main></div>
<main>
<h1>${ui.unavailableTitle}</h1>
<p>${ui.unavailableText}</p>
<p>${ui.hotline.lead}</p>
</main>
</body>
</html>`
}

export function unavailableResponse(lang: Lang): Response {
  return new Response(unavailableHtml(lang), {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' },
  })
}
