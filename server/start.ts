/**
 * `npm start`: the whole product for a newcomer, on the embedded SQLite database.
 * Builds the admin and the site when the sources changed since the last build, then runs the
 * production server in demo mode: migrations applied, demo content loaded once, and the
 * address and demo staff logins printed.
 */
import './runtime'
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from './build'

process.env.APP_ENV ??= 'demo'
Reflect.set(process.env, 'NODE_ENV', 'production')

await ensureBuilt(process.cwd())

const { runServer } = await import('./main')
const { DEMO_PASSWORD } = await import('../cms/seed')
const users = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'content', 'users.json'), 'utf8')) as { email: string; roles: string[] }[]

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
