/**
 * `npm start`: the whole product for a newcomer, on the embedded SQLite database.
 * Builds the admin and the site when the sources changed since the last build, then runs the
 * production server in demo mode: migrations applied, demo content loaded once, and the
 * address and demo staff logins printed.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

process.env.APP_ENV ??= 'demo'
Reflect.set(process.env, 'NODE_ENV', 'production')

const root = process.cwd()
const BUILD_INPUTS = ['cms', 'site', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']
const SKIP = new Set(['.next', 'node_modules', 'payload-types.ts'])
const stampFile = path.join(root, 'var', 'build-stamp')

function hashInputs(): string {
  const hash = createHash('sha256')
  const walk = (p: string) => {
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name))
    } else {
      hash.update(path.relative(root, p)).update(fs.readFileSync(p))
    }
  }
  for (const input of BUILD_INPUTS) if (fs.existsSync(path.join(root, input))) walk(path.join(root, input))
  return hash.digest('hex')
}

const built = fs.existsSync(path.join(root, 'cms', '.next', 'BUILD_ID')) && fs.existsSync(path.join(root, 'dist', 'site', 'server', 'entry.mjs'))
const stamp = hashInputs()
if (!built || (fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '') !== stamp) {
  process.stdout.write('[start] building the admin and the site (about a minute, once)…\n')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, stamp)
}

const { runServer } = await import('./main')
const { DEMO_PASSWORD } = await import('../cms/seed')
const users = JSON.parse(fs.readFileSync(path.join(root, 'content', 'users.json'), 'utf8')) as { email: string; roles: string[] }[]

await runServer((url) =>
  [
    '',
    `  Public site (Tiếng Việt): ${url}/`,
    `  Public site (English):    ${url}/en/`,
    `  Admin:                    ${url}/admin`,
    '',
    `  Demo staff logins (password for all: ${DEMO_PASSWORD}):`,
    ...users.map((u) => `    ${u.roles.join(', ').padEnd(12)} ${u.email}`),
    '',
    '  Emails are written to var/mail/ (no SMTP configured) and listed in the admin under "Email outbox".',
    '',
  ].join('\n'),
)
