/**
 * The committed migrations describe the current config: generating a migration from them finds
 * nothing to do. Fails when a schema change was made without `npm run db:migration -- <name>`.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'
import { skipReason } from './payload'

const databaseUrl = inject('databaseUrl')
/**
 * Payload's CLI in a child process, awaited (never a blocking call: a CLI that hangs must fail
 * this test at its timeout, not stall the whole run) and killed after two minutes.
 */
async function payloadCli(args: string[], root: string): Promise<void> {
  await promisify(execFile)(path.resolve('node_modules', '.bin', 'payload'), args, {
    timeout: 120_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, APP_ROOT: root, DATABASE_URL: databaseUrl, PAYLOAD_CONFIG_PATH: path.resolve('cms', 'payload.config.ts'), NODE_ENV: 'development', APP_ENV: 'development' },
  })
}

const kind = databaseUrl.startsWith('postgres') ? 'postgres' : databaseUrl.startsWith('file:') ? 'sqlite' : null

describe.skipIf(skipReason || !kind)('generated files', () => {
  it('migrations are up to date with the collections', { timeout: 150_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpc-drift-'))
    const dir = path.join(root, 'cms', 'migrations', kind ?? '')
    fs.cpSync(path.resolve('cms', 'migrations', kind ?? ''), dir, { recursive: true })
    const before = fs.readdirSync(dir).sort()
    await payloadCli(['migrate:create', 'drift_check', '--skip-empty'], root)
    const after = fs.readdirSync(dir).sort()
    fs.rmSync(root, { recursive: true, force: true })
    expect(after).toEqual(before)
  })

  it.skipIf(kind !== 'sqlite')('payload-types.ts is current', { timeout: 150_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpc-types-'))
    fs.mkdirSync(path.join(root, 'cms'))
    await payloadCli(['generate:types'], root)
    const fresh = fs.readFileSync(path.join(root, 'cms', 'payload-types.ts'), 'utf8')
    fs.rmSync(root, { recursive: true, force: true })
    expect(fresh === fs.readFileSync(path.resolve('cms', 'payload-types.ts'), 'utf8'), 'run `npm run generate`').toBe(true)
  })
})
