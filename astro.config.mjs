// Astro builds the public site into dist/site; the server in server/ mounts its handler.
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'
import { BODY_LIMITS } from './cms/limits.ts'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist/site',
  output: 'server',
  // The server holds every site body to its own limit before Astro reads it (a contest entry,
  // another action, anything else: server/body-limit.ts); Astro's are the largest of those,
  // a second wall behind them (cms/limits.ts).
  adapter: node({ mode: 'middleware', bodySizeLimit: BODY_LIMITS.publicUpload }),
  integrations: [react()],
  security: {
    checkOrigin: true,
    // The contest entry form's picture; every other action is held to BODY_LIMITS.publicForm
    // by the server before Astro sees it (server/app.ts).
    actionBodySizeLimit: BODY_LIMITS.publicUpload,
  },
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  // no Markdown code blocks on the site; Shiki's inline styles would not fit the CSP anyway
  markdown: { syntaxHighlight: false },
  // The site's CSS (a few KB) comes inside each page: the first paint needs no second request.
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  vite: {
    ssr: {
      external: ['payload', '@payloadcms/richtext-lexical', 'sharp', 'pdfkit', '@expo-google-fonts/be-vietnam-pro'],
    },
  },
})
