/**
 * Starts Payload for a process (server, seed, tests): initialises it once, then brings a SQL
 * database up to date with the committed migrations of its adapter. MongoDB needs none.
 */
import { getPayload, type Payload } from 'payload'
import { env } from './env'
import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'
import config from './payload.config'

export async function startPayload(options: { cron?: boolean } = {}): Promise<Payload> {
  const payload = await getPayload({ config, cron: options.cron ?? false })
  const kind = env().database.kind
  if (kind === 'sqlite') await payload.db.migrate({ migrations: sqliteMigrations })
  if (kind === 'postgres') await payload.db.migrate({ migrations: postgresMigrations })
  return payload
}
