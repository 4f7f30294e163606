/**
 * A new document written straight into the tables of a SQL adapter (PostgreSQL, or SQLite
 * without the sign-up lane): its row and its array rows in one transaction (as the Local API
 * writes them: on SQLite Payload runs without transactions), the same columns the
 * Local API writes, but without the Local API's field hooks and without reading the whole
 * document back. On PostgreSQL, `payload.create` of a pledge cost about 3 ms of the server's
 * time (most of it building and transforming the read-back of every field), this about 0.6 ms.
 *
 * Only for collections whose rules live in services, not in collection hooks, and for callers
 * that pass every column the Local API would fill (defaults included). The conformance tests
 * (tests/int/pledge-conformance.test.ts, tests/int/capacity-conformance.test.ts) store the same
 * cases both ways and compare the documents.
 * MongoDB has no tables: there the Local API writes.
 */
import type { Payload } from 'payload'

export type SqlRow = Record<string, unknown>

type Insert = PromiseLike<unknown> & { returning(fields: Record<string, unknown>): PromiseLike<SqlRow[]> }
type SqlDb = {
  insert(table: unknown): { values(rows: SqlRow | SqlRow[]): Insert }
  update(table: unknown): { set(values: SqlRow): { where(condition: unknown): PromiseLike<unknown> } }
}
type SqlAdapter = {
  drizzle: SqlDb
  tables: Record<string, Record<string, unknown> | undefined>
  sessions: Record<string | number, { db: SqlDb } | undefined>
  /** The adapter's own query operators (its copy of drizzle's `eq` among them). */
  operators: { equals(column: unknown, value: unknown): unknown }
}

function asSqlAdapter(db: object): SqlAdapter | null {
  if (!('drizzle' in db) || !('tables' in db) || !('sessions' in db) || !('operators' in db)) return null
  const { drizzle, tables, sessions, operators } = db
  if (!drizzle || typeof drizzle !== 'object' || !tables || typeof tables !== 'object' || !sessions || typeof sessions !== 'object') return null
  if (!operators || typeof operators !== 'object' || !('equals' in operators) || typeof operators.equals !== 'function') return null
  return db as SqlAdapter
}

/** Whether this Payload's database has tables to write into (PostgreSQL, SQLite). */
export const hasTables = (payload: Payload): boolean => asSqlAdapter(payload.db) !== null

/**
 * How a service writes its hot rows: through the Local API (every adapter), or straight into
 * the tables (the default where there are tables). The conformance tests run both.
 */
export type Writes = 'api' | 'tables'
export const defaultWrites = (payload: Payload): Writes => (hasTables(payload) ? 'tables' : 'api')

function tableOf(adapter: SqlAdapter, name: string, row: SqlRow): Record<string, unknown> {
  const table = adapter.tables[name]
  if (!table) throw new Error(`No table ${name}`)
  // the driver would skip a key that is no column without a word: a misspelt field must fail loudly
  for (const key of Object.keys(row)) if (!(key in table)) throw new Error(`Table ${name} has no column ${key}`)
  return table
}

/**
 * Inserts a document's row into `table` and its arrays' rows into `table_<array>` (each row
 * given its `_order` and `_parentID` here; `id` is the caller's), in one transaction. Returns
 * the new id. A unique index's refusal throws the driver's error (cms/services/errors.ts reads it).
 */
export async function insertDocument(payload: Payload, table: string, row: SqlRow, arrays: Record<string, SqlRow[]> = {}): Promise<number | string> {
  const adapter = asSqlAdapter(payload.db)
  if (!adapter) throw new Error('This database has no tables: write through the Local API')
  const main = tableOf(adapter, table, row)
  // in Payload's own transaction, as the Local API would write it (on SQLite Payload runs without
  // transactions unless configured otherwise, and so does this)
  const transaction = await payload.db.beginTransaction()
  const tx = transaction === null ? adapter.drizzle : adapter.sessions[transaction]?.db
  if (!tx) throw new Error('The transaction just begun is gone')
  try {
    const [inserted] = await tx.insert(main).values(row).returning({ id: main.id })
    const id = inserted?.id
    if (typeof id !== 'number' && typeof id !== 'string') throw new Error(`No id back from ${table}`)
    for (const [name, rows] of Object.entries(arrays)) {
      if (!rows.length) continue
      const withParent = rows.map((r, i) => ({ ...r, _order: i + 1, _parentID: id }))
      await tx.insert(tableOf(adapter, `${table}_${name}`, withParent[0] ?? {})).values(withParent)
    }
    if (transaction !== null) await payload.db.commitTransaction(transaction)
    return id
  } catch (err) {
    if (transaction !== null) await payload.db.rollbackTransaction(transaction)
    throw err
  }
}

/**
 * Sets columns of one row (a status, a time: plain columns of the collection's own table, never
 * an array or a relationship table). One statement, as the Local API's `db.updateOne` would run
 * it, without its work over every field of the collection (1.3 ms of a pledge on PostgreSQL).
 */
export async function updateRow(payload: Payload, table: string, id: number | string, values: SqlRow): Promise<void> {
  const adapter = asSqlAdapter(payload.db)
  if (!adapter) throw new Error('This database has no tables: write through the Local API')
  const main = tableOf(adapter, table, values)
  await adapter.drizzle.update(main).set(values).where(adapter.operators.equals(main.id, id))
}
