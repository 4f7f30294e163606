/**
 * The database adapter, chosen by DATABASE_URL: `file:` SQLite (default; WAL mode and a busy
 * timeout so several writers wait instead of failing), `postgres://`, or `mongodb://`.
 * Schema changes reach SQL databases only through the committed migrations in
 * cms/migrations/{sqlite,postgres} (see cms/bootstrap.ts); nothing is pushed automatically.
 * Only the adapter in use is loaded (the other two would cost the server memory for nothing).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import type { AppEnv } from './env'

export async function databaseAdapter(appEnv: Pick<AppEnv, 'database' | 'root'>): Promise<DatabaseAdapterObj> {
  const { kind, url } = appEnv.database
  const migrationDir = path.join(appEnv.root, 'cms', 'migrations', kind)
  switch (kind) {
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      return postgresAdapter({
        pool: { connectionString: url, max: 10, connectionTimeoutMillis: 5_000 },
        push: false,
        migrationDir,
      })
    }
    case 'mongodb': {
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({ url, connectOptions: { serverSelectionTimeoutMS: 5_000 } })
    }
    case 'sqlite': {
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      const file = url.slice('file:'.length)
      if (file && !file.startsWith(':')) fs.mkdirSync(path.dirname(file), { recursive: true })
      return sqliteAdapter({
        client: { url },
        wal: true,
        busyTimeout: 10_000,
        push: false,
        migrationDir,
      })
    }
  }
}
