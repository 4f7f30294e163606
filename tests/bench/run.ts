/**
 * `npm run bench`: performance figures, printed (never asserted).
 *
 * 1. Start-up: time from the start command (`npm start`'s entry, demo mode, a fresh SQLite file,
 *    build already done) to the first page answered, and again on the now-populated database.
 * 2. Home page throughput: requests/s of the production server on `/` beside a raw Node http
 *    server sending the same bytes with the same encoding, in the same run (ratio).
 *    The same for an event page (seats left counted, served from the page cache), and a gift
 *    drive's page (live progress bars, served from the page cache until a pledge or receipt).
 * 3. Sign-ups per second through the real public endpoint with 32 concurrent clients (p50, p99)
 *    beside a raw Node server doing a guarded insert into the same database, then the seats
 *    counted for overbooking (tests/bench/signup.ts): on SQLite, and on PostgreSQL (a fresh
 *    database on the local server; skipped, with the reason printed, when there is none).
 *    Then pledges per second through the public pledge form, the same way (tests/bench/pledge.ts).
 * 4. JavaScript shipped by every public page (from the sitemap, plus the 404 page), and by the
 *    sign-up page: every file it loads, gzipped and raw (target: at most 75 KB gzipped).
 * 5. Lighthouse on a slow phone for the home page, an event page and its sign-up page
 *    (tests/bench/lighthouse.ts; targets: largest paint within 2.0 s, performance ≥ 90).
 *    Then drawing-contest entries with a 4000×3000 photo per second beside bare sharp, and the
 *    server's memory while 20 arrive at once beside bare sharp's (tests/bench/contest.ts).
 * 6. A public image (the home page's share image) beside raw Node sending the same bytes, and the
 *    server's resident memory once started and during the SQLite sign-up bench (targets: 300 MB
 *    after start, 450 MB under the bench).
 *
 * Options (environment): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_SIGNUP_CLIENTS (default 32).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { SMTPServer } from 'smtp-server'
import { ensureBuilt } from '../../server/build'
import { freePort } from '../helpers/ports'
import { pageScripts } from '../helpers/page-js'
import { createTestDatabase } from '../helpers/postgres'
import { formatResult, slowPhone } from './lighthouse'
import { benchContestEntries } from './contest'
import { benchPledges } from './pledge'
import { benchSignUps, rawPostgresSignUps, rawSqliteSignUps } from './signup'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const SIGNUP_CLIENTS = Number(process.env.BENCH_SIGNUP_CLIENTS ?? 32)
const root = process.cwd()
const SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstu'
/** The sign-up bench posts from one address as fast as it can: lift the per-address limit and the fill-in time. */
const BENCH_ENV = { PAYLOAD_SECRET: SECRET, SIGNUP_RATE_LIMIT: '100000000', FORM_MIN_SECONDS: '0' }

type Started = { url: string; ms: number; pid: number; stop: () => Promise<void> }

/** The server process's resident memory, MB (Linux: /proc). */
async function residentMB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

async function startAndTime(dbFile: string, dir: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: { ...process.env, ...BENCH_ENV, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${dbFile}`, MEDIA_DIR: path.join(dir, 'media'), MAIL_DIR: path.join(dir, 'mail'), ...extraEnv },
    stdio: 'ignore',
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await fetch(`${url}/`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 25))
  }
  const ms = performance.now() - t0
  return {
    url,
    ms,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function rawServer(body: Buffer, headers: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpc-raw-'))
  const file = path.join(dir, 'body')
  await fs.writeFile(file, body)
  const port = await freePort()
  const code = `
    const http = require('node:http'); const fs = require('node:fs');
    const body = fs.readFileSync(${JSON.stringify(file)}); const headers = ${JSON.stringify(headers)};
    http.createServer((req, res) => { res.writeHead(200, { ...headers, 'content-length': body.length }); res.end(body) })
      .listen(${port}, '127.0.0.1', () => process.stdout.write('up\\n'))`
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()))
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() }
}

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

/** Requests/s of one page on the project server beside a raw Node server sending the same bytes. */
async function compareWithRaw(name: string, url: string, kind: 'page' | 'file' = 'page'): Promise<void> {
  const headers: Record<string, string> = kind === 'page' ? { 'accept-encoding': 'br' } : {}
  process.stdout.write(`\n== ${name}, ${SECONDS} s, ${CONNECTIONS} connections${kind === 'page' ? ', accept-encoding: br' : ''}\n`)
  const res = await fetch(url, { headers })
  const body = Buffer.from(await res.arrayBuffer())
  // fetch decodes; ask again without decoding to get the bytes on the wire
  const wire = await new Promise<Buffer>((resolve, reject) => {
    http
      .get(url, { headers }, (r) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c))
        r.on('end', () => resolve(Buffer.concat(chunks)))
      })
      .on('error', reject)
  })
  // the raw server sends the same bytes from memory, with the same kind of headers
  const raw = await rawServer(
    wire,
    kind === 'page'
      ? { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br', vary: 'Accept-Encoding' }
      : { 'content-type': res.headers.get('content-type') ?? 'application/octet-stream', etag: res.headers.get('etag') ?? '"x"', 'cache-control': 'public, max-age=31536000', 'x-content-type-options': 'nosniff' },
  )
  try {
    const ours = await load(url, headers)
    const theirs = await load(raw.url, headers)
    process.stdout.write(kind === 'page' ? `${new URL(url).pathname}: ${fmt(body.length)} bytes of HTML, ${fmt(wire.length)} bytes brotli on the wire\n` : `${new URL(url).pathname}: ${fmt(body.length)} bytes\n`)
    process.stdout.write(`project server:   ${fmt(ours.rps)} req/s  p50 ${ours.p50} ms  p99 ${ours.p99} ms  errors ${ours.errors}\n`)
    process.stdout.write(`raw Node server:  ${fmt(theirs.rps)} req/s  p50 ${theirs.p50} ms  p99 ${theirs.p99} ms  errors ${theirs.errors}\n`)
    process.stdout.write(`ratio: ${(ours.rps / theirs.rps).toFixed(2)} of the raw server\n`)
  } finally {
    raw.stop()
  }
}

/** An SMTP server on loopback that accepts every message and keeps nothing. */
async function smtpSink(): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback())
      stream.resume()
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

async function jsBytes(url: string): Promise<number> {
  const html = await (await fetch(url)).text()
  let bytes = 0
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=["']([^"']+)["']/.exec(m[1] ?? '')?.[1]
    if (src) bytes += (await (await fetch(new URL(src, url))).arrayBuffer()).byteLength
    else bytes += Buffer.byteLength(m[2] ?? '')
  }
  return bytes
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 })

async function main() {
  if (await ensureBuilt(root)) process.stdout.write('(built first; the timings below exclude the build)\n')
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpc-bench-'))
  const dbFile = path.join(dir, 'bench.db')

  process.stdout.write('\n== Start-up (start command → first page, demo mode, SQLite)\n')
  const cold = await startAndTime(dbFile, dir)
  process.stdout.write(`fresh database (migrations + demo content): ${fmt(cold.ms)} ms\n`)
  await cold.stop()
  // From here on mail goes to an SMTP server that accepts and discards it, as in production
  // (without SMTP the server writes .eml files, and their disk flushes would be measured too).
  const sink = await smtpSink()
  const server = await startAndTime(dbFile, dir, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) })
  process.stdout.write(`existing database:                          ${fmt(server.ms)} ms\n`)

  // resident memory once start-up has settled (its background work done, V8 given a moment to
  // hand back start-up garbage): target 300 MB
  const settled: number[] = []
  for (let i = 0; i < 15; i++) {
    await new Promise((r) => setTimeout(r, 1_000))
    settled.push(await residentMB(server.pid))
  }
  process.stdout.write(`server resident memory after start: ${fmt(settled.at(-1) ?? 0)} MB 15 s after the first page (${fmt(settled[0] ?? 0)} MB after 1 s; target ≤ 300 MB)\n`)

  try {
    for (const [name, pagePath] of [
      ['Home page', '/'],
      ['Event page', '/su-kien/lop-boi-mien-phi-tan-an-he-2027/'],
      ['Drive page (live progress bars)', '/ung-ho/trung-thu-yeu-thuong-2027/'],
      ['Contest page with its results and gallery', '/cuoc-thi/uoc-mo-cua-em-2026/'],
    ] as const) {
      await compareWithRaw(name, `${server.url}${pagePath}`)
    }

    // a slow phone (Lighthouse, simulated: CPU 8x slower, 400 kbps, 400 ms): targets LCP ≤ 2.0 s, performance ≥ 90
    process.stdout.write('\n== Slow phone (Lighthouse: 360x640, CPU 8x slower, 400 kbps, 400 ms round trip, simulated; the median of 3 runs)\n')
    const eventPath = '/su-kien/lop-boi-mien-phi-tan-an-he-2027/'
    const drivePath = '/ung-ho/trung-thu-yeu-thuong-2027/'
    for (const result of await slowPhone([`${server.url}/`, `${server.url}${eventPath}`, `${server.url}${eventPath}dang-ky/`, `${server.url}${drivePath}`, `${server.url}${drivePath}cam-ket/`])) process.stdout.write(`${formatResult(result)}\n`)

    // a public image (the current campaign's share image), beside raw Node sending the same bytes
    const home = await (await fetch(`${server.url}/`)).text()
    const image = /<meta property="og:image" content="([^"]+)"/.exec(home)?.[1]
    if (image) await compareWithRaw('Public image', image.replace(/^https?:\/\/[^/]+/, server.url), 'file')
    else process.stdout.write('\n== Public image: the home page has no share image, not measured\n')

    process.stdout.write(`\n== Sign-ups through the public form, ${SECONDS} s, ${SIGNUP_CLIENTS} concurrent clients, SQLite\n`)
    process.stdout.write(`server resident memory before the sign-ups (after the page, image and Lighthouse runs): ${fmt(await residentMB(server.pid))} MB\n`)
    let peak = 0
    const sampler = setInterval(() => void residentMB(server.pid).then((mb) => (peak = Math.max(peak, mb))), 250)
    try {
      printSignUps(await benchSignUps({ url: server.url, raw: rawSqliteSignUps(dbFile), secret: SECRET, seconds: SECONDS, clients: SIGNUP_CLIENTS, capacity: 1000 }))
    } finally {
      clearInterval(sampler)
    }
    process.stdout.write(`server resident memory under the sign-up bench: ${fmt(peak)} MB at the most, ${fmt(await residentMB(server.pid))} MB at the end (target ≤ 450 MB)\n`)

    process.stdout.write(`\n== Pledges through the public form, ${SECONDS} s, ${SIGNUP_CLIENTS} concurrent clients, SQLite\n`)
    printPledges(await benchPledges({ url: server.url, raw: rawSqliteSignUps(dbFile), secret: SECRET, seconds: SECONDS, clients: SIGNUP_CLIENTS, quantity: 1_000_000 }))

    process.stdout.write('\n== Drawing-contest entries (4000×3000 phone photos through the public form), SQLite\n')
    for (const line of await benchContestEntries({ url: server.url, pid: server.pid, secret: SECRET })) process.stdout.write(`${line}\n`)

    process.stdout.write('\n== JavaScript shipped per public page\n')
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '')
    urls.push(`${server.url}/khong-co-trang-nay/`)
    let total = 0
    for (const url of urls) {
      const bytes = await jsBytes(url.replace(/^https?:\/\/[^/]+/, server.url))
      total += bytes
      process.stdout.write(`${String(bytes).padStart(7)} B  ${new URL(url).pathname}\n`)
    }
    process.stdout.write(`${urls.length} pages, ${fmt(total)} bytes of JavaScript in all\n`)
    // the one island: every file the sign-up page loads (island, React, their imports), gzipped (tests/helpers/page-js.ts)
    let signUpPage = ''
    for (const url of urls.filter((u) => /\/su-kien\/[^/]+\/$/.test(new URL(u).pathname))) {
      const candidate = `${server.url}${new URL(url).pathname}dang-ky/`
      if ((await (await fetch(candidate)).text()).includes('<astro-island')) {
        signUpPage = candidate
        break
      }
    }
    if (signUpPage) {
      const js = await pageScripts(signUpPage)
      process.stdout.write(`sign-up page: ${fmt(js.gzip)} B gzipped (${fmt(js.raw)} B raw) in ${js.files.length} files, target ≤ 75 KB (${new URL(signUpPage).pathname})\n`)
    } else process.stdout.write('sign-up page: no event takes sign-ups now, not measured\n')
  } finally {
    await server.stop()
  }

  try {
    process.stdout.write(`\n== Sign-ups through the public form, ${SECONDS} s, ${SIGNUP_CLIENTS} concurrent clients, PostgreSQL\n`)
    let db: Awaited<ReturnType<typeof createTestDatabase>>
    try {
      db = await createTestDatabase('cpc_bench')
    } catch (err) {
      process.stdout.write(`skipped: PostgreSQL is not reachable (${err instanceof Error ? err.message : String(err)})\n`)
      return
    }
    try {
      const pgServer = await startAndTime(dbFile, dir, { DATABASE_URL: db.url, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) })
      try {
        printSignUps(await benchSignUps({ url: pgServer.url, raw: rawPostgresSignUps(db.url), secret: SECRET, seconds: SECONDS, clients: SIGNUP_CLIENTS, capacity: 1000 }))
        process.stdout.write(`\n== Pledges through the public form, ${SECONDS} s, ${SIGNUP_CLIENTS} concurrent clients, PostgreSQL\n`)
        printPledges(await benchPledges({ url: pgServer.url, raw: rawPostgresSignUps(db.url), secret: SECRET, seconds: SECONDS, clients: SIGNUP_CLIENTS, quantity: 1_000_000 }))
      } finally {
        await pgServer.stop()
      }
    } finally {
      await db.drop()
    }
  } finally {
    await sink.stop()
    await fs.rm(dir, { recursive: true, force: true })
  }
}

function printSignUps(signUps: Awaited<ReturnType<typeof benchSignUps>>): void {
  const line = (label: string, d: typeof signUps.ours) =>
    `${label}${fmt(d.perSecond)} sign-ups/s  p50 ${d.p50.toFixed(1)} ms  p99 ${d.p99.toFixed(1)} ms  (${d.done} done, ${d.errors} errors: ${JSON.stringify(d.statuses)})\n`
  process.stdout.write(line('project endpoint:        ', signUps.ours))
  process.stdout.write(line('raw Node guarded insert: ', signUps.theirs))
  process.stdout.write(`ratio: ${(signUps.ours.perSecond / signUps.theirs.perSecond).toFixed(2)} of the raw rate\n`)
  const { mail } = signUps
  const rate = mail.seconds > 0 ? mail.sent / mail.seconds : NaN
  const missing = mail.sent < mail.expected ? ` (${fmt(mail.expected - mail.sent)} of ${fmt(mail.expected)} not sent within 300 s)` : ''
  process.stdout.write(`confirmation emails: ${fmt(mail.sent)} sent in ${mail.seconds.toFixed(1)} s after the burst: ${fmt(rate)} messages/s (target ≥ 100)${missing}\n`)
  process.stdout.write(`seats held: ${signUps.seatsHeld} of ${signUps.capacity} (${signUps.distinctSeats} distinct): ${signUps.seatsHeld > signUps.capacity || signUps.distinctSeats !== signUps.seatsHeld ? 'OVERBOOKED' : 'no overbooking'}\n`)
}

function printPledges(pledges: Awaited<ReturnType<typeof benchPledges>>): void {
  const line = (label: string, d: typeof pledges.ours) =>
    `${label}${fmt(d.perSecond)} pledges/s  p50 ${d.p50.toFixed(1)} ms  p99 ${d.p99.toFixed(1)} ms  (${d.done} done, ${d.errors} errors: ${JSON.stringify(d.statuses)})\n`
  process.stdout.write(line('project endpoint:        ', pledges.ours))
  process.stdout.write(line('raw Node guarded insert: ', pledges.theirs))
  process.stdout.write(`ratio: ${(pledges.ours.perSecond / pledges.theirs.perSecond).toFixed(2)} of the raw rate (target ≥ 0.3)\n`)
  process.stdout.write(`item units held: ${pledges.unitsHeld} of ${pledges.quantity} (${pledges.distinctUnits} distinct): ${pledges.unitsHeld > pledges.quantity || pledges.distinctUnits !== pledges.unitsHeld ? 'OVER-PLEDGED' : 'no over-pledging'}\n`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
