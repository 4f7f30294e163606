/** Payload configuration: assembly only. Rules live in collections/, access/ and services/. */
import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { Areas } from './collections/Areas'
import { Campaigns } from './collections/Campaigns'
import { EmailOutbox } from './collections/EmailOutbox'
import { Media } from './collections/Media'
import { Posts } from './collections/Posts'
import { Users } from './collections/Users'
import { checkRole } from './access/roles'
import { databaseAdapter } from './db'
import { outboxEmailAdapter } from './email/adapter'
import { env } from './env'
import { Site } from './globals/Site'

const appEnv = env()

export default buildConfig({
  serverURL: appEnv.serverURL,
  secret: appEnv.secret,
  db: databaseAdapter(appEnv),
  editor: lexicalEditor(),
  sharp,
  email: outboxEmailAdapter(appEnv),
  collections: [Users, Media, Areas, Campaigns, Posts, EmailOutbox],
  globals: [Site],
  localization: {
    locales: [
      { code: 'vi', label: 'Tiếng Việt' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'vi',
    fallback: true,
  },
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
  },
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: { titleSuffix: ' · Quản trị' },
    importMap: { baseDir: path.join(appEnv.root, 'cms'), importMapFile: path.join(appEnv.root, 'cms', 'app', '(payload)', 'admin', 'importMap.js') },
    dateFormat: 'dd/MM/yyyy HH:mm',
  },
  // Cookie-authenticated requests must come from our own origin.
  csrf: [appEnv.serverURL],
  cors: [appEnv.serverURL],
  graphQL: {
    disableIntrospectionInProduction: true,
    disablePlaygroundInProduction: true,
  },
  jobs: {
    // Scheduled publishing queues jobs; the server runs due jobs every minute.
    access: {
      queue: ({ req }) => checkRole(['admin', 'editor'], req.user),
      cancel: ({ req }) => checkRole(['admin', 'editor'], req.user),
      run: ({ req }) => checkRole(['admin'], req.user),
    },
    autoRun: [{ cron: '* * * * *', queue: 'default' }],
  },
  upload: {
    limits: { fileSize: 15 * 1024 * 1024 },
  },
  typescript: {
    outputFile: path.join(appEnv.root, 'cms', 'payload-types.ts'),
  },
  telemetry: false,
  debug: !appEnv.isProduction && appEnv.appEnv !== 'demo',
})
