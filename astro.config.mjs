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
  adapter: node({ mode: 'middleware', bodySizeLimit: BODY_LIMITS.siteBody }),
  integrations: [react()],
  security: {
    checkOrigin: true,
    // Forms: a class list of hundreds of children; more is refused with 413 (cms/limits.ts).
    actionBodySizeLimit: BODY_LIMITS.publicForm,
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
