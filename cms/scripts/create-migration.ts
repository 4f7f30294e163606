/**
 * `npm run db:migration -- <name>`: after a schema change, writes the migration for both SQL
 * adapters (cms/migrations/sqlite and cms/migrations/postgres) by diffing the config against the
 * last committed snapshot. Needs PostgreSQL (TEST_POSTGRES_URL, default the local server).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase } from '../../tests/helpers/postgres'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('usage: npm run db:migration -- <name_in_snake_case>\n')
  process.exit(2)
}

const run = (databaseUrl: string) =>
  execFileSync(path.join('node_modules', '.bin', 'payload'), ['migrate:create', name], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts', NODE_ENV: 'development', APP_ENV: 'development' },
  })

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpc-migration-'))
run(`file:${path.join(dir, 'gen.db')}`)
const pg = await createTestDatabase('cpc_migration')
try {
  run(pg.url)
} finally {
  await pg.drop()
  fs.rmSync(dir, { recursive: true, force: true })
}
