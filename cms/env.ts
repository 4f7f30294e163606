/**
 * The one place the environment is read and validated. Everything else receives an `AppEnv`.
 *
 * APP_ENV decides how strict we are:
 * - production: secrets and the public URL must be given; cookies are secure.
 * - demo: what `npm start` runs for a newcomer: the built app with development defaults.
 * - development / test: defaults everywhere.
 */
import path from 'node:path'
import { z } from 'zod'

/** Days a delivered email keeps its body (see cms/services/email/outbox.ts). */
const DEFAULT_RETENTION_DAYS = 30

/** The secret every checkout shares: fine on a laptop, never on a network (anyone could sign a staff session). */
export const DEV_SECRET = 'dev-only-secret-change-me-0123456789abcdef'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])
const isLoopback = (host: string) => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const rawSchema = z.object({
  APP_ENV: z.enum(['production', 'demo', 'development', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  APP_ROOT: z.string().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  PAYLOAD_SECRET: z.string().optional(),
  SERVER_URL: z.url().optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: boolish.optional(),
  MAIL_FROM_ADDRESS: z.email().default('no-reply@treem.example.vn'),
  MAIL_FROM_NAME: z.string().default('Bảo vệ trẻ em'),
  MAIL_DIR: z.string().optional(),
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
  MEDIA_DIR: z.string().optional(),
  SEED_DEMO: boolish.optional(),
  SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  FORM_MIN_SECONDS: z.coerce.number().min(0).default(3),
  TRUST_PROXY: boolish.optional(),
  SEPAY_API_KEY: z.string().optional(),
})

export type AppEnv = {
  appEnv: 'production' | 'demo' | 'development' | 'test'
  isProduction: boolean
  root: string
  database: { kind: 'sqlite' | 'postgres' | 'mongodb'; url: string }
  secret: string
  serverURL: string
  host: string
  port: number
  smtp: { host: string; port: number; secure: boolean; user?: string; pass?: string } | null
  /** Delivered emails keep their bodies this many days (then only who, what subject, when). */
  mail: { fromAddress: string; fromName: string; dir: string; retentionDays: number }
  mediaDir: string
  seedDemo: boolean
  /** Public forms: sign-ups per minute per address, the least time a person takes to fill a form, whether X-Forwarded-For is trusted. */
  forms: { ratePerMinute: number; minSeconds: number; trustProxy: boolean }
  /**
   * The key SePay sends as `Authorization: Apikey <key>` with every bank notification
   * (POST /api/bank-transfers/sepay); null when unset, and the webhook then answers 503.
   */
  sepay: { apiKey: string | null }
  /** What the server should say at start about settings it did not follow (e.g. HOST on a demo). */
  warnings: string[]
}

export class EnvError extends Error {
  override name = 'EnvError'
}

function databaseFrom(url: string, root: string): AppEnv['database'] {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url }
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) return { kind: 'mongodb', url }
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length)
    return { kind: 'sqlite', url: `file:${path.resolve(root, file)}` }
  }
  throw new EnvError(`DATABASE_URL must start with file:, postgres:// or mongodb:// (got "${url.split(':')[0]}:")`)
}

/** Parses an environment (process.env by default). Throws EnvError with every problem listed. */
export function readEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const parsed = rawSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Invalid environment:\n- ${problems.join('\n- ')}`)
  }
  const raw = parsed.data
  const appEnv = raw.APP_ENV ?? (raw.NODE_ENV === 'production' ? 'production' : raw.NODE_ENV === 'test' ? 'test' : 'development')
  const isProduction = appEnv === 'production'
  const root = path.resolve(/* turbopackIgnore: true */ raw.APP_ROOT ?? process.cwd())

  const missing: string[] = []
  if (isProduction && !raw.PAYLOAD_SECRET) missing.push('PAYLOAD_SECRET (a long random string)')
  if (isProduction && !raw.SERVER_URL) missing.push('SERVER_URL (the public origin, e.g. https://treem.example.vn)')
  if (isProduction && !raw.DATABASE_URL) missing.push('DATABASE_URL')
  if (missing.length) {
    throw new EnvError(`Refusing to start in production without:\n- ${missing.join('\n- ')}`)
  }
  if (raw.PAYLOAD_SECRET !== undefined && raw.PAYLOAD_SECRET.length < 32) {
    throw new EnvError('PAYLOAD_SECRET must be at least 32 characters long')
  }
  const secret = raw.PAYLOAD_SECRET ?? DEV_SECRET
  const seedDemo = raw.SEED_DEMO ?? appEnv === 'demo'
  if (isProduction && secret === DEV_SECRET) {
    throw new EnvError('Refusing to start in production with the development PAYLOAD_SECRET: set a long random one of your own')
  }
  if (isProduction && seedDemo) {
    throw new EnvError('Refusing to load the demo content in production (SEED_DEMO): its staff passwords are published in the README')
  }

  // The development secret lets anyone sign a staff session, and the demo content brings staff
  // accounts whose password is in the README: a server running with either stays on this machine.
  const warnings: string[] = []
  let host = raw.HOST
  const unsafe = [secret === DEV_SECRET && 'the development secret', seedDemo && 'the demo staff passwords'].filter((r) => typeof r === 'string')
  if (!isProduction && unsafe.length && !isLoopback(host)) {
    warnings.push(
      `HOST=${host} ignored: listening on 127.0.0.1 only, because this server uses ${unsafe.join(' and ')}. ` +
        'To listen on another interface, set PAYLOAD_SECRET (32+ random characters) and SEED_DEMO=0, and give the staff accounts passwords of their own.',
    )
    host = '127.0.0.1'
  }

  const port = raw.PORT
  const serverURL = (raw.SERVER_URL ?? `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`).replace(/\/$/, '')

  return {
    appEnv,
    isProduction,
    root,
    database: databaseFrom(raw.DATABASE_URL ?? 'file:./var/data.db', root),
    secret,
    serverURL,
    host,
    port,
    smtp: raw.SMTP_HOST
      ? {
          host: raw.SMTP_HOST,
          port: raw.SMTP_PORT ?? 587,
          secure: raw.SMTP_SECURE ?? raw.SMTP_PORT === 465,
          user: raw.SMTP_USER,
          pass: raw.SMTP_PASS,
        }
      : null,
    mail: {
      fromAddress: raw.MAIL_FROM_ADDRESS,
      fromName: raw.MAIL_FROM_NAME,
      dir: path.resolve(root, raw.MAIL_DIR ?? 'var/mail'),
      retentionDays: raw.MAIL_RETENTION_DAYS,
    },
    mediaDir: path.resolve(root, raw.MEDIA_DIR ?? 'var/media'),
    seedDemo,
    forms: { ratePerMinute: raw.SIGNUP_RATE_LIMIT, minSeconds: raw.FORM_MIN_SECONDS, trustProxy: raw.TRUST_PROXY ?? false },
    sepay: { apiKey: raw.SEPAY_API_KEY?.trim() || null },
    warnings,
  }
}

let cached: AppEnv | undefined
/** The process environment, parsed once. */
export function env(): AppEnv {
  cached ??= readEnv()
  return cached
}
