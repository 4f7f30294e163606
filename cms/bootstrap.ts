/**
 * Starts Payload for a process (server, seed, tests): initialises it once, then brings a SQL
 * database up to date with the committed migrations of its adapter. MongoDB needs none.
 */
import { getPayload, type Migration, type Payload } from 'payload'
import { env } from './env'
import config from './payload.config'

type GeneratedMigration<Up, Down> = { name: string; up: (args: Up) => Promise<void>; down: (args: Down) => Promise<void> }

/** The generated migration lists, typed for their adapter, as the adapter-neutral list migrate() takes. */
function neutral<Up, Down>(list: GeneratedMigration<Up, Down>[]): Migration[] {
  return list.map((m) => ({ name: m.name, up: (args) => m.up(args as Up), down: (args) => m.down(args as Down) }))
}

export async function startPayload(): Promise<Payload> {
  // No cron here: the server runs Payload's job queue with its other background work (services/background.ts).
  const payload = await getPayload({ config, cron: false })
  const kind = env().database.kind
  // only the migrations (and so the adapter) of the database in use are loaded
  if (kind === 'sqlite') await payload.db.migrate({ migrations: neutral((await import('./migrations/sqlite')).migrations) })
  if (kind === 'postgres') await payload.db.migrate({ migrations: neutral((await import('./migrations/postgres')).migrations) })
  return payload
}
