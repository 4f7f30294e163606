/**
 * Starts the built production server (server/serve.ts) as a child process on a free port with
 * its own fresh SQLite file, media and mail folders, and waits until it says it is ready.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './ports'

export type RunningServer = {
  url: string
  dir: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

export async function startServer(
  options: { env?: Record<string, string>; seed?: boolean; readyTimeoutMs?: number; waitFor?: 'ready' | 'listening' } = {},
): Promise<RunningServer> {
  const marker = options.waitFor === 'listening' ? '[server] listening' : '[server] ready'
  const port = await freePort()
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpc-server-'))
  const url = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    APP_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    SERVER_URL: url,
    DATABASE_URL: `file:${path.join(dir, 'site.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    MAIL_DIR: path.join(dir, 'mail'),
    SEED_DEMO: options.seed === false ? '0' : '1',
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))

  // a server that never became ready (a refused start, a timeout) leaves no files behind
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after ${options.readyTimeoutMs ?? 120_000} ms:\n${output}`)), options.readyTimeoutMs ?? 120_000)
    const onData = () => {
      if (output.includes(marker)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  }).catch(async (err: unknown) => {
    child.kill('SIGKILL')
    await fs.rm(dir, { recursive: true, force: true })
    throw err
  })

  return {
    url,
    dir,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}
