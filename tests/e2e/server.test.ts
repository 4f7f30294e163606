/**
 * The production server over HTTP: the database going away (503 with hotline 111, then
 * recovery), start-up without a database, and the security defaults of APP_ENV=production.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { DEV_SECRET } from '../../cms/env'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../helpers/ports'
import { createTestDatabase, POSTGRES_ADMIN_URL } from '../helpers/postgres'
import { type RunningServer, startServer } from '../helpers/server'

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

describe('when the database is unreachable', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let server: RunningServer

  beforeAll(async () => {
    db = await createTestDatabase('cpc_e2e')
    server = await startServer({ seed: false, env: { DATABASE_URL: db.url } })
  })
  afterAll(async () => {
    await server?.stop()
    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS true`).catch(() => undefined)
    await db?.drop()
  })

  it('answers 503 with the hotline while the database is gone, and recovers when it is back', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(200)

    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS false`)
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}'`)

    const vi = await fetch(`${server.url}/chien-dich/`)
    expect(vi.status).toBe(503)
    const viHtml = await vi.text()
    expect(viHtml).toContain('<html lang="vi">')
    expect(viHtml).toContain('href="tel:111"')
    const en = await fetch(`${server.url}/en/news/`)
    expect(en.status).toBe(503)
    expect(await en.text()).toContain('Temporarily unavailable')
    // what was already rendered keeps being served from memory
    expect((await fetch(`${server.url}/`)).status).toBe(200)

    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS true`)
    await expect.poll(async () => (await fetch(`${server.url}/chien-dich/`)).status, { timeout: 30_000 }).toBe(200)
    expect(server.child.exitCode).toBeNull()
  })
})

describe('starting while the database is down', () => {
  let server: RunningServer
  beforeAll(async () => {
    const port = await freePort()
    server = await startServer({ seed: false, waitFor: 'listening', env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/none` } })
  })
  afterAll(() => server?.stop())

  it('serves the 503 page with the hotline on the site and a 503 on the API, and keeps retrying', async () => {
    const page = await fetch(`${server.url}/en/`)
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('30')
    expect(await page.text()).toContain('href="tel:111"')
    const api = await fetch(`${server.url}/api/campaigns`)
    expect(api.status).toBe(503)
    expect(await api.json()).toEqual({ errors: [{ message: 'Service temporarily unavailable' }] })
    expect(server.output()).toContain('cannot start the CMS')
  })
})

describe('production mode', () => {
  let server: RunningServer
  const secret = randomBytes(24).toString('hex')
  const editor = { email: 'bien.tap@example.vn', password: randomBytes(12).toString('hex') }

  beforeAll(async () => {
    // production loads no demo content (its passwords are public): the first account is registered as on a new site
    server = await startServer({ seed: false, env: { APP_ENV: 'production', PAYLOAD_SECRET: secret } })
    const first = await fetch(`${server.url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ ...editor, name: 'Biên Tập Viên' }),
    })
    expect(first.status).toBe(200)
  })
  afterAll(() => server?.stop())

  const login = () =>
    fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(editor),
    })

  it('sets a Secure, HttpOnly, SameSite cookie', async () => {
    const res = await login()
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('ignores the session cookie on a request from another origin', async () => {
    const cookie = (await login()).headers.get('set-cookie')?.split(';')[0] ?? ''
    const create = (origin: string) =>
      fetch(`${server.url}/api/campaigns?draft=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify({ title: 'CSRF', year: 2035, theme: 'x', _status: 'draft' }),
      })
    expect((await create('http://evil.example')).status).toBe(403)
    const ok = await create(server.url)
    expect(ok.status).toBe(201)
  })

  it('does not fetch uploads from URLs', async () => {
    const cookie = (await login()).headers.get('set-cookie')?.split(';')[0] ?? ''
    const res = await fetch(`${server.url}/api/media/paste-url?src=${encodeURIComponent(`${server.url}/favicon.svg`)}`, { headers: { cookie, origin: server.url } })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Pasting from URL is not enabled')
  })

  it('turns off GraphQL introspection and the playground', async () => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    })
    const body = (await res.json()) as { data?: unknown; errors?: unknown[] }
    expect(body.data ?? null).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
    expect((await fetch(`${server.url}/api/graphql-playground`)).status).toBe(404)
  })

  it('keeps staff accounts and the outbox away from the public API', async () => {
    for (const path of ['/api/users', '/api/registrations', '/api/registrations/1', '/api/claims', '/api/email-outbox', '/api/payload-jobs', '/api/payload-preferences']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(403)
    }
    for (const query of ['{ Users { docs { email } } }', '{ Registrations { docs { id child { givenName } } } }', '{ Registration(id: 1) { id } }']) {
      const gql = await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
      const body = (await gql.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] }
      expect(Object.values(body.data ?? {}).filter((v) => v !== null), query).toEqual([])
      expect(body.errors?.length, query).toBeGreaterThan(0)
    }
  })

  it('sends security headers with public pages, and HSTS on every answer', async () => {
    const res = await fetch(`${server.url}/`)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    for (const path of ['/', '/favicon.svg', '/admin/login', '/api/campaigns']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('strict-transport-security'), path).toBe('max-age=31536000')
    }
  })

  it('marks the browser that logged in as a known device with a Secure cookie', async () => {
    const cookie = (await login()).headers.getSetCookie().find((c) => c.startsWith('treem-device-')) ?? ''
    expect(cookie).toMatch(/; Path=\/api; Max-Age=\d+; HttpOnly; SameSite=Strict; Secure$/)
  })
})

describe('the demo (npm start)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ env: { APP_ENV: 'demo', HOST: '0.0.0.0' } })
  })
  afterAll(() => server?.stop())

  it('listens on loopback only with the development secret and the demo passwords, and says why HOST was not followed', async () => {
    const port = new URL(server.url).port
    expect(server.output()).toContain(`[server] HOST=0.0.0.0 ignored: listening on 127.0.0.1 only, because this server uses the development secret and the demo staff passwords.`)
    expect(server.output()).toContain(`[server] listening on http://127.0.0.1:${port} (demo, sqlite)`)
    expect((await fetch(`${server.url}/`)).status).toBe(200)
  })
})

describe('production mode without its settings', () => {
  it('refuses to start and says what is missing', async () => {
    await expect(startServer({ seed: false, env: { APP_ENV: 'production', PAYLOAD_SECRET: '' } })).rejects.toThrow(/Refusing to start in production[\s\S]*PAYLOAD_SECRET/)
  })

  it('refuses the demo content and the development secret', async () => {
    /** What a start ends with: the refusal, or (stopped again at once) that it started. */
    const start = (options: Parameters<typeof startServer>[0]) =>
      startServer(options).then(
        async (started) => {
          await started.stop()
          return 'started'
        },
        (err: unknown) => String(err),
      )
    expect(await start({ env: { APP_ENV: 'production', PAYLOAD_SECRET: randomBytes(24).toString('hex') } })).toMatch(/Refusing to load the demo content in production/)
    expect(await start({ seed: false, env: { APP_ENV: 'production', PAYLOAD_SECRET: DEV_SECRET } })).toMatch(/development PAYLOAD_SECRET/)
  })
})
