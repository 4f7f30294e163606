import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError, readEnv } from '../../cms/env'

describe('environment', () => {
  it('runs a newcomer on SQLite with development defaults', () => {
    const env = readEnv({ APP_ROOT: '/srv/app' })
    expect(env.appEnv).toBe('development')
    expect(env.database).toEqual({ kind: 'sqlite', url: `file:${path.resolve('/srv/app/var/data.db')}` })
    expect(env.serverURL).toBe('http://127.0.0.1:3000')
    expect(env.smtp).toBeNull()
    expect(env.isProduction).toBe(false)
  })

  it('honours PORT and HOST', () => {
    const env = readEnv({ PORT: '8123', HOST: '0.0.0.0' })
    expect([env.port, env.host, env.serverURL]).toEqual([8123, '0.0.0.0', 'http://127.0.0.1:8123'])
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

  it('refuses a short secret', () => {
    expect(() => readEnv({ PAYLOAD_SECRET: 'short' })).toThrow(/at least 32/)
  })

  it('loads demo content only in demo mode unless asked', () => {
    expect(readEnv({ APP_ENV: 'demo' }).seedDemo).toBe(true)
    expect(readEnv({}).seedDemo).toBe(false)
    expect(readEnv({ SEED_DEMO: '1' }).seedDemo).toBe(true)
  })
})
