/**
 * How the server's Node process is set up, in one place: imported first by the server's entry
 * points (server/start.ts, server/serve.ts). When the process was started without these
 * settings (`node --import tsx server/serve.ts`, a test, the bench), it replaces itself, same
 * process id, with one that has them.
 *
 * - `--max-semi-space-size=16`: V8's young generation otherwise grows to 128 MB here (it scales
 *   with the machine's memory), most of it garbage that start-up made once; 16 MB keeps the
 *   server's resident memory about 100 MB lower with the same throughput (see tests/bench).
 * - `--heap-growing-percent=30`: after a full collection V8 lets the old generation grow to up
 *   to four times what survived before collecting again. Through the mail of a long burst
 *   (rows read, emails built, messages handed to SMTP: garbage that lived just long enough to be
 *   promoted) that grew the heap by about 300 MB of garbage, never by live data (a sampling heap
 *   profile over the drain: 1.5 MB still live). 30 % above what survived keeps it under 400 MB
 *   resident after 8,000 sign-ups and their emails, with the same sign-up and mail rates.
 * - `MALLOC_ARENA_MAX=2`: glibc otherwise keeps an allocation arena per thread (sharp and libvips
 *   use several), and memory freed in them is rarely given back.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

export const SERVER_NODE_ARGS = ['--max-semi-space-size=16', '--heap-growing-percent=30'] as const
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2' } as const

const missing = SERVER_NODE_ARGS.filter((arg) => !process.execArgv.includes(arg))
if (missing.length && process.platform !== 'win32' && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)], { ...process.env, ...SERVER_ENV })
}

// Source maps (tsx turns them on) keep every loaded module's map in memory (tens of MB for
// Next's and Payload's bundles); the server's stack traces give the compiled positions instead.
process.setSourceMapsEnabled(false)

/**
 * Once the server is up: start-up (loading Next, Payload, Astro, migrating, seeding) leaves a
 * heap of garbage behind that V8 would otherwise keep committed until memory pressure. One full
 * collection gives it back.
 */
export function collectStartupGarbage(): void {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as unknown
  if (typeof gc === 'function') gc()
}
