import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEV_SECRET, EnvError, readEnv } from '../../cms/env'

const OWN_SECRET = 'an-own-secret-of-forty-characters-000000'

describe('environment', () => {
  it('runs a newcomer on SQLite with development defaults', () => {
    const env = readEnv({ APP_ROOT: '/srv/app' })
    expect(env.appEnv).toBe('development')
    expect(env.database).toEqual({ kind: 'sqlite', url: `file:${path.resolve('/srv/app/var/data.db')}` })
    expect(env.serverURL).toBe('http://127.0.0.1:3000')
    expect(env.smtp).toBeNull()
    expect(env.isProduction).toBe(false)
  })

  it('honours PORT and HOST when the server has a secret of its own', () => {
    const env = readEnv({ PORT: '8123', HOST: '0.0.0.0', PAYLOAD_SECRET: OWN_SECRET })
    expect([env.port, env.host, env.serverURL, env.warnings]).toEqual([8123, '0.0.0.0', 'http://127.0.0.1:8123', []])
  })

  it('keeps the demo (development secret, demo passwords) on loopback whatever HOST asks, and says so', () => {
    const demo = readEnv({ APP_ENV: 'demo', HOST: '0.0.0.0', PORT: '3000' })
    expect([demo.host, demo.serverURL]).toEqual(['127.0.0.1', 'http://127.0.0.1:3000'])
    expect(demo.warnings).toEqual([expect.stringMatching(/^HOST=0\.0\.0\.0 ignored: listening on 127\.0\.0\.1 only, because this server uses the development secret and the demo staff passwords\..*PAYLOAD_SECRET.*SEED_DEMO=0/)])
    // either one is enough to stay on loopback
    expect(readEnv({ APP_ENV: 'demo', HOST: '192.168.1.20', PAYLOAD_SECRET: OWN_SECRET }).host).toBe('127.0.0.1')
    expect(readEnv({ APP_ENV: 'demo', HOST: '::', SEED_DEMO: '0' }).host).toBe('127.0.0.1')
    // loopback asked for: nothing to say
    expect(readEnv({ APP_ENV: 'demo', HOST: 'localhost' })).toMatchObject({ host: 'localhost', warnings: [] })
    // a real secret and no demo accounts: HOST is honoured
    expect(readEnv({ APP_ENV: 'demo', HOST: '0.0.0.0', PAYLOAD_SECRET: OWN_SECRET, SEED_DEMO: '0' })).toMatchObject({ host: '0.0.0.0', warnings: [] })
  })

  it('refuses the development secret and demo content in production', () => {
    const production = { APP_ENV: 'production', SERVER_URL: 'https://treem.example.vn', DATABASE_URL: 'postgres://u@h/db' }
    expect(() => readEnv({ ...production, PAYLOAD_SECRET: DEV_SECRET })).toThrow(/Refusing to start in production with the development PAYLOAD_SECRET/)
    expect(() => readEnv({ ...production, PAYLOAD_SECRET: OWN_SECRET, SEED_DEMO: '1' })).toThrow(/Refusing to load the demo content in production \(SEED_DEMO\)/)
    expect(readEnv({ ...production, PAYLOAD_SECRET: OWN_SECRET }).seedDemo).toBe(false)
  })

  it('chooses the adapter from DATABASE_URL', () => {
    expect(readEnv({ DATABASE_URL: 'postgres://u@h/db' }).database.kind).toBe('postgres')
    expect(readEnv({ DATABASE_URL: 'mongodb://h/db' }).database.kind).toBe('mongodb')
    expect(() => readEnv({ DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL must start with/)
  })

  it('refuses to start in production without a secret, public URL or database', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => readEnv({ APP_ENV: 'production' })).toThrow(/PAYLOAD_SECRET[\s\S]*SERVER_URL[\s\S]*DATABASE_URL/)
  })

  it('starts in production when everything is given, with secure settings', () => {
    const env = readEnv({
      APP_ENV: 'production',
      PAYLOAD_SECRET: 'x'.repeat(40),
      SERVER_URL: 'https://treem.example.vn/',
      DATABASE_URL: 'postgres://u@h/db',
      SMTP_HOST: 'smtp.example.vn',
      SMTP_PORT: '465',
    })
    expect(env.isProduction).toBe(true)
    expect(env.serverURL).toBe('https://treem.example.vn')
    expect(env.smtp).toMatchObject({ host: 'smtp.example.vn', port: 465, secure: true })
  })

  it('takes the SePay webhook key trimmed; unset or blank leaves the webhook closed (null)', () => {
    expect(readEnv({ SEPAY_API_KEY: '  sk-live-1234  ' }).sepay).toEqual({ apiKey: 'sk-live-1234' })
    expect(readEnv({ SEPAY_API_KEY: '   ' }).sepay).toEqual({ apiKey: null })
    expect(readEnv({}).sepay).toEqual({ apiKey: null })
  })

  it('refuses a short secret', () => {
    expect(() => readEnv({ PAYLOAD_SECRET: 'short' })).toThrow(/at least 32/)
  })

  it('loads demo content only in demo mode unless asked', () => {
    expect(readEnv({ APP_ENV: 'demo' }).seedDemo).toBe(true)
    expect(readEnv({}).seedDemo).toBe(false)
    expect(readEnv({ SEED_DEMO: '1' }).seedDemo).toBe(true)
  })
})
