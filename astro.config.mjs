// Astro builds the public site into dist/site; the server in server/ mounts its handler.
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist/site',
  output: 'server',
  adapter: node({ mode: 'middleware', bodySizeLimit: 1024 * 1024 }),
  integrations: [react()],
  // Forms: 256 KB is a class list of hundreds of children; more is refused with 413.
  security: { checkOrigin: true, actionBodySizeLimit: 256 * 1024 },
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  vite: {
    ssr: {
      external: ['payload', '@payloadcms/richtext-lexical', 'sharp'],
    },
  },
})
