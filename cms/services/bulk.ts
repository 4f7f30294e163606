/**
 * The same change to many documents of a collection, for bookkeeping columns the background
 * work keeps (an email's delivery state, a registration's "confirmation queued" mark): no hooks,
 * no versions, nothing read back, as `payload.db.updateOne` with `returning: false` does for one.
 *
 * On the SQL adapters (SQLite, PostgreSQL) it is one UPDATE … WHERE id IN (…) instead of one
 * statement per document: most of what a burst's confirmation emails cost was these writes.
 * Elsewhere (MongoDB) it is `updateOne` for each. tests/int/bulk.test.ts runs both ways on the
 * same documents and compares what they stored.
 *
 * Values are written into the statement, so only plain values are taken: integers for ids,
 * numbers, null, short words and ISO timestamps; anything else is refused before anything is written.
 */
import type { Payload, CollectionSlug } from 'payload'
import type { DrizzleAdapter } from '@payloadcms/drizzle'

/** Payload's names for tables and columns: `email-outbox` → email_outbox, `confirmationQueuedAt` → confirmation_queued_at. */
const toSnakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase()

/** The values set on every document. */
export type BulkChange = Record<string, string | number | null>

const WORD = /^[a-z][a-z0-9-]{0,31}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/
const NAME = /^[a-z][a-z0-9_]{0,62}$/

function literal(value: string | number | null): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`)
    return String(value)
  }
  if (WORD.test(value) || ISO.test(value)) return `'${value}'`
  throw new Error(`Not a plain value for a bulk update: ${JSON.stringify(value).slice(0, 40)}`)
}

function column(name: string): string {
  const snake = toSnakeCase(name)
  if (!NAME.test(snake)) throw new Error(`Not a column name: ${name}`)
  return `"${snake}"`
}

function isDrizzle(db: Payload['db']): db is Payload['db'] & Pick<DrizzleAdapter, 'drizzle' | 'execute' | 'tableNameMap'> {
  return (db.name === 'sqlite' || db.name === 'postgres') && 'drizzle' in db && 'execute' in db && 'tableNameMap' in db
}

/** The UPDATE statement of the SQL way. */
function bulkUpdateSql(table: string, ids: number[], change: BulkChange): string {
  if (!NAME.test(table)) throw new Error(`Not a table name: ${table}`)
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`Not an integer id: ${id}`)
  const sets = Object.entries(change).map(([field, value]) => `${column(field)} = ${literal(value)}`)
  return `UPDATE "${table}" SET ${sets.join(', ')} WHERE "id" IN (${ids.join(', ')})`
}

export async function updateMany(payload: Payload, collection: CollectionSlug, ids: (string | number)[], change: BulkChange, options: { oneByOne?: boolean } = {}): Promise<void> {
  if (!ids.length) return
  const db = payload.db
  if (isDrizzle(db) && !options.oneByOne) {
    const table = db.tableNameMap.get(toSnakeCase(collection))
    if (!table) throw new Error(`No table for ${collection}`)
    await db.execute({ drizzle: db.drizzle, raw: bulkUpdateSql(table, ids.map(Number), change) })
    return
  }
  for (const value of Object.values(change)) literal(value) // the same values are taken either way
  for (const id of ids) await payload.db.updateOne({ collection, id, data: change, returning: false })
}
