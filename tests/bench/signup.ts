/**
 * Sign-up throughput, printed by `npm run bench`:
 *
 * - the project: the real public endpoint (the sign-up page's Astro Action, a form post with one
 *   child each, validated, guarded, seated or waitlisted, confirmation queued), driven by
 *   `clients` concurrent clients for `seconds`;
 * - a raw Node server in the same run: an http server that parses the same form body and runs one
 *   guarded insert ("only if seats remain") into the same database, driven the same way: on
 *   SQLite one conditional insert into the same file; on PostgreSQL a conditional update of one
 *   hot class row ("taken < capacity") and the insert, in one transaction (a bare conditional
 *   insert overbooks there under READ COMMITTED). Its capacity is set beyond what it can fill in
 *   the run, so every request really inserts.
 *
 * Afterwards the seats are counted: more than the capacity would be overbooking.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { issueFormToken, signUpFormOf } from '../../cms/services/form-guard'
import { freePort } from '../helpers/ports'
import { adminToken, api, createOpenEvent } from '../helpers/signup'

export type Drive = { done: number; perSecond: number; p50: number; p99: number; errors: number; statuses: Record<string, number> }

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

/** `clients` loops posting one request after another for `seconds`. */
export async function drive(seconds: number, clients: number, post: (i: number) => Promise<string>): Promise<Drive> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  let n = 0
  const end = performance.now() + seconds * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const i = n++
        const start = performance.now()
        try {
          const status = await post(i)
          statuses[status] = (statuses[status] ?? 0) + 1
          latencies.push(performance.now() - start)
        } catch {
          errors++
        }
      }
    }),
  )
  const elapsed = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return { done: latencies.length, perSecond: latencies.length / elapsed, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors, statuses }
}

export type RawServer = (capacity: number) => Promise<{ url: string; stop: () => void }>

async function startRaw(code: string): Promise<{ child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()))
  return { child }
}

/** The raw comparison on PostgreSQL: a bare Node http server (pg, a pool of 10 as the project's) doing the guarded insert. */
export const rawPostgresSignUps =
  (databaseUrl: string): RawServer =>
  async (capacity) => {
    const port = await freePort()
    const code = `
    const http = require('node:http');
    const { Pool } = require(${JSON.stringify(path.join(process.cwd(), 'node_modules', 'pg'))});
    const pool = new Pool({ connectionString: ${JSON.stringify(databaseUrl)}, max: 10 });
    (async () => {
      await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_classes (id INTEGER PRIMARY KEY, capacity INTEGER NOT NULL, taken INTEGER NOT NULL DEFAULT 0)');
      await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_signups (id SERIAL PRIMARY KEY, event INTEGER NOT NULL, family TEXT, given TEXT, birth TEXT, created TIMESTAMPTZ)');
      await pool.query('INSERT INTO bench_raw_classes (id, capacity) VALUES (1, ${capacity}) ON CONFLICT (id) DO UPDATE SET capacity = EXCLUDED.capacity');
      http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', async () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString());
          const c = await pool.connect();
          try {
            await c.query('BEGIN');
            const seat = await c.query('UPDATE bench_raw_classes SET taken = taken + 1 WHERE id = 1 AND taken < capacity RETURNING taken');
            if (seat.rowCount) await c.query('INSERT INTO bench_raw_signups (event, family, given, birth, created) VALUES (1, $1, $2, $3, now())', [form.get('children.0.familyName'), form.get('children.0.givenName'), form.get('children.0.birthDate')]);
            await c.query('COMMIT');
            res.writeHead(200, { 'content-type': 'text/plain' }).end(seat.rowCount ? 'confirmed' : 'full');
          } catch (e) { await c.query('ROLLBACK').catch(() => {}); res.writeHead(500).end(String(e)) } finally { c.release() }
        });
      }).listen(${port}, '127.0.0.1', () => process.stdout.write('up\\n'));
    })();`
    const { child } = await startRaw(code)
    return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() }
  }

/** The raw comparison on SQLite: a bare Node http server doing one guarded insert into the same file. */
export const rawSqliteSignUps = (dbFile: string): RawServer => (capacity) => rawSignUpServer(dbFile, capacity)

async function rawSignUpServer(dbFile: string, capacity: number): Promise<{ url: string; stop: () => void }> {
  const port = await freePort()
  const code = `
    const http = require('node:http');
    const { createClient } = require(${JSON.stringify(path.join(process.cwd(), 'node_modules', '@libsql', 'client'))});
    const db = createClient({ url: ${JSON.stringify(`file:${dbFile}`)} });
    (async () => {
      await db.execute('PRAGMA busy_timeout = 10000');
      await db.execute('CREATE TABLE IF NOT EXISTS bench_raw_signups (id INTEGER PRIMARY KEY, event INTEGER NOT NULL, family TEXT, given TEXT, birth TEXT, created TEXT)');
      await db.execute('CREATE INDEX IF NOT EXISTS bench_raw_signups_event ON bench_raw_signups (event)');
      http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', async () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString());
          try {
            const r = await db.execute({
              sql: 'INSERT INTO bench_raw_signups (event, family, given, birth, created) SELECT ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM bench_raw_signups WHERE event = ?) < ?',
              args: [1, form.get('children.0.familyName'), form.get('children.0.givenName'), form.get('children.0.birthDate'), new Date().toISOString(), 1, ${capacity}],
            });
            res.writeHead(200, { 'content-type': 'text/plain' }).end(r.rowsAffected ? 'confirmed' : 'full');
          } catch (e) { res.writeHead(500).end(String(e)) }
        });
      }).listen(${port}, '127.0.0.1', () => process.stdout.write('up\\n'));
    })();`
  const { child } = await startRaw(code)
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() }
}

function body(eventId: number, i: number, secret: string): string {
  return new URLSearchParams({
    eventId: String(eventId),
    idempotencyKey: randomBytes(18).toString('base64url'),
    formToken: issueFormToken(secret, signUpFormOf(eventId), new Date(Date.now() - 10_000)),
    website: '',
    submittedBy: 'guardian',
    'guardian.name': 'Phụ huynh thử tải',
    'guardian.relationship': 'mother',
    'guardian.phone': '0912345678',
    'guardian.email': `tai-${i}@example.vn`,
    guardianConsent: 'on',
    'children.0.familyName': 'Thử Tải',
    'children.0.givenName': `Số ${i}`,
    'children.0.birthDate': '2016-05-05',
    'children.0.assent': 'on',
  }).toString()
}

export async function benchSignUps(opts: { url: string; raw: RawServer; secret: string; seconds: number; clients: number; capacity: number }) {
  const admin = await adminToken(opts.url)
  const event = await createOpenEvent(opts.url, admin, { capacity: opts.capacity })
  const endpoint = `${opts.url}/su-kien/${event.slug}/dang-ky/?_action=signUp`
  const ours = await drive(opts.seconds, opts.clients, async (i) => {
    const res = await fetch(endpoint, { method: 'POST', headers: { origin: opts.url, 'content-type': 'application/x-www-form-urlencoded' }, body: body(event.id, i, opts.secret) })
    const html = await res.text()
    if (res.status !== 200) return `http ${res.status}`
    return /<tr data-status="([a-z]+)">/.exec(html)?.[1] ?? 'no result'
  })
  const seats = (await api<{ docs: { number: number }[] }>(opts.url, admin, `/claims?where[pool][equals]=events:${event.id}:open&limit=0&depth=0`)).docs.map((s) => s.number)
  // Mail waits while sign-ups are being answered (server/quiet.ts). Measure the mail rate after
  // the burst: confirmations sent, over the time from the end of the burst to the last one's
  // sentAt, and let it finish before the raw run, so that the server's mail work does not compete
  // with the raw server (at most five minutes).
  const burstEnded = Date.now()
  const drainedBy = burstEnded + 300_000
  const mailTo = `/email-outbox?where[status][equals]=sent&where[to][like]=tai-&depth=0`
  let mailSent = 0
  while (Date.now() < drainedBy) {
    const [confirmed, sent] = await Promise.all([
      api<{ totalDocs: number }>(opts.url, admin, `/registrations?where[event][equals]=${event.id}&where[confirmationQueuedAt][exists]=true&limit=1&depth=0`),
      api<{ totalDocs: number }>(opts.url, admin, `${mailTo}&limit=1`),
    ])
    mailSent = sent.totalDocs
    if (confirmed.totalDocs >= ours.done && mailSent >= ours.done) break
    // the rate comes from the last message's sentAt, not from this loop: asking seldom keeps the
    // asking (two authenticated counts) from weighing on what it measures
    await new Promise((r) => setTimeout(r, 1_000))
  }
  const last = await api<{ docs: { sentAt?: string | null }[] }>(opts.url, admin, `${mailTo}&sort=-sentAt&limit=1`)
  const lastSentAt = Date.parse(last.docs[0]?.sentAt ?? '')
  const mail = { sent: mailSent, expected: ours.done, seconds: Number.isFinite(lastSentAt) ? Math.max(0, lastSentAt - burstEnded) / 1000 : NaN }

  const raw = await opts.raw(100_000_000)
  let theirs: Drive
  try {
    theirs = await drive(opts.seconds, opts.clients, async (i) => {
      const res = await fetch(raw.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body(1, i, opts.secret) })
      const text = await res.text()
      return res.status === 200 ? text : `http ${res.status}`
    })
  } finally {
    raw.stop()
  }
  return { ours, theirs, seatsHeld: seats.length, distinctSeats: new Set(seats).size, capacity: opts.capacity, mail }
}
