/**
 * One fresh database per test run and adapter: a new SQLite file, a new PostgreSQL database, or
 * a new database on the MongoDB server named by MONGODB_URL. Migrations are applied once here
 * (in a child process, as a real start would) so test files can run side by side.
 * Without MONGODB_URL the MongoDB suite is skipped with the reason printed; with CI=true a
 * missing PostgreSQL fails the run instead of skipping.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createTestDatabase } from '../helpers/postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    skipReason: string
    workDir: string
  }
}

export default async function setup(project: TestProject) {
  const adapter = project.config.env?.TEST_ADAPTER
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), `cpc-int-${adapter}-`))
  const cleanups: (() => Promise<void>)[] = [() => fs.rm(workDir, { recursive: true, force: true })]
  let databaseUrl = ''
  let skipReason = ''

  if (adapter === 'sqlite') {
    databaseUrl = `file:${path.join(workDir, 'test.db')}`
  } else if (adapter === 'postgres') {
    try {
      const db = await createTestDatabase()
      databaseUrl = db.url
      cleanups.push(() => db.drop())
    } catch (err) {
      const reason = `PostgreSQL is not reachable (${err instanceof Error ? err.message : String(err)})`
      if (process.env.CI) throw new Error(`${reason}; CI=true requires it`, { cause: err })
      skipReason = reason
    }
  } else if (adapter === 'mongodb') {
    if (!process.env.MONGODB_URL) {
      skipReason = 'MONGODB_URL is not set (no MongoDB server on this machine)'
    } else {
      const url = new URL(process.env.MONGODB_URL)
      url.pathname = `/cpc_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
      databaseUrl = url.toString()
      cleanups.push(async () => {
        const { default: mongoose } = await import('mongoose')
        const conn = await mongoose.createConnection(databaseUrl).asPromise()
        await conn.dropDatabase()
        await conn.close()
      })
    }
  } else {
    throw new Error(`Unknown TEST_ADAPTER ${String(adapter)}`)
  }

  if (skipReason) {
    process.stdout.write(`\n[int-${adapter}] SKIPPED: ${skipReason}\n\n`)
  } else {
    await migrate({ ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', APP_ENV: 'test', MEDIA_DIR: path.join(workDir, 'media'), MAIL_DIR: path.join(workDir, 'mail') })
  }

  project.provide('databaseUrl', databaseUrl)
  project.provide('skipReason', skipReason)
  project.provide('workDir', workDir)

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => process.stderr.write(`cleanup failed: ${String(err)}\n`))
  }
}

/** Applies the migrations in a child process, killed (failing the run) if it is not done in three minutes. */
function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'int', 'migrate.ts')], { stdio: ['ignore', 'inherit', 'inherit'], env })
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`applying the migrations failed (${signal ? `killed by ${signal}` : `exit ${String(code)}`})`))
    })
  })
}
