/**
 * `npm run bench`: performance figures, printed (never asserted).
 *
 * 1. Start-up: time from the start command (`npm start`'s entry, demo mode, a fresh SQLite file,
 *    build already done) to the first page answered, and again on the now-populated database.
 * 2. Home page throughput: requests/s of the production server on `/` beside a raw Node http
 *    server sending the same bytes with the same encoding, in the same run (ratio).
 * 3. JavaScript shipped by every public page (from the sitemap, plus the 404 page).
 *
 * Options (environment): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { ensureBuilt } from '../../server/build'
import { freePort } from '../helpers/ports'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const root = process.cwd()

type Started = { url: string; ms: number; stop: () => Promise<void> }

async function startAndTime(dbFile: string, dir: string): Promise<Started> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${dbFile}`, MEDIA_DIR: path.join(dir, 'media'), MAIL_DIR: path.join(dir, 'mail') },
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
  const server = await startAndTime(dbFile, dir)
  process.stdout.write(`existing database:                          ${fmt(server.ms)} ms\n`)

  try {
    process.stdout.write(`\n== Home page, ${SECONDS} s, ${CONNECTIONS} connections, accept-encoding: br\n`)
    const headers = { 'accept-encoding': 'br' }
    const res = await fetch(`${server.url}/`, { headers })
    const body = Buffer.from(await res.arrayBuffer())
    // fetch decodes; ask again without decoding to get the bytes on the wire
    const wire = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${server.url}/`, { headers }, (r) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () => resolve(Buffer.concat(chunks)))
        }).on('error', reject),
      )
    })
    const raw = await rawServer(wire, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br', vary: 'Accept-Encoding' })
    try {
      const ours = await load(`${server.url}/`, headers)
      const theirs = await load(raw.url, headers)
      process.stdout.write(`page: ${fmt(body.length)} bytes of HTML, ${fmt(wire.length)} bytes brotli on the wire\n`)
      process.stdout.write(`project server:   ${fmt(ours.rps)} req/s  p50 ${ours.p50} ms  p99 ${ours.p99} ms  errors ${ours.errors}\n`)
      process.stdout.write(`raw Node server:  ${fmt(theirs.rps)} req/s  p50 ${theirs.p50} ms  p99 ${theirs.p99} ms  errors ${theirs.errors}\n`)
      process.stdout.write(`ratio: ${(ours.rps / theirs.rps).toFixed(2)} of the raw server\n`)
    } finally {
      raw.stop()
    }

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
  } finally {
    await server.stop()
    await fs.rm(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
