/**
 * SQLite's store for the capacity engine: the same steps as the Local API store
 * (cms/services/capacity-store.ts, registration-ops.ts), answered in SQL on a connection of its
 * own with every statement prepared once, and a whole program (a child's sign-up: its
 * registration, consents and seat or waitlist place; a cancellation's promotions) run inside one
 * transaction, all or nothing. On the embedded database that is most of what a sign-up costs.
 * The rules themselves are cms/services/capacity.ts, not here.
 *
 * How it is written ("group commit", as databases do with their logs): programs that arrive
 * while the lane is busy run in one transaction under SQLite's write lock (BEGIN IMMEDIATE), each
 * inside its own savepoint, so one that fails takes back only its own rows; then one commit, one
 * flush to disk, for all of them. Nobody is answered before that commit, so an answered sign-up
 * survives a crash. A program runs synchronously from BEGIN to COMMIT (the store answers every
 * step at once), so no other JavaScript — and no other write of this process — can slip into
 * the transaction or wait on its lock.
 */
import Database from 'libsql'
import type { Payload } from 'payload'
import { runSync, type CapacityOps, type CapacityStore, type Claimed, type Pool, type Program, type TakeResult, type WaitScope } from './capacity'
import { announceContentChange } from './content-events'
import { uniqueViolationOn } from './errors'
import type { Id } from './ids'
import { asClaimed, type NewRegistration } from './registration-ops'
import { claimantOf, type SeatRules } from './seats'

type Adapter = Payload['db']
type SqliteAdapter = Adapter & { clientConfig: { url: string }; busyTimeout?: number }

function isSqlite(db: Adapter): db is SqliteAdapter {
  return db.name === 'sqlite' && 'clientConfig' in db && typeof db.clientConfig === 'object' && db.clientConfig !== null && 'url' in db.clientConfig && typeof db.clientConfig.url === 'string'
}

/** A bound value: SQLite takes numbers, text and NULL here. */
type Value = number | string | null
type Params = Record<string, Value>
type Statement = ReturnType<Database.Database['prepare']>
/** A prepared statement of the lane's connection, by its SQL. */
export type LaneSql = (query: string) => Statement

/**
 * The columns this store writes, per table. A test (tests/int/capacity-conformance.test.ts)
 * checks them against the tables Payload makes from the collections, so a field added to or
 * renamed in a collection cannot be forgotten here.
 */
export const LANE_COLUMNS = {
  registrations: [
    'reference', 'event_id', 'status', 'child_family_name', 'child_given_name', 'child_birth_date', 'child_school', 'child_grade', 'child_area_id',
    'child_priority_group', 'guardian_name', 'guardian_relationship', 'guardian_phone', 'guardian_email', 'submitted_by', 'submission_id',
    'manage_token_hash', 'idempotency_key', 'child_key', 'updated_at', 'created_at',
  ],
  registrations_consents: ['_order', '_parent_id', 'id', 'purpose', 'granted_by', 'wording_version', 'granted_at'],
  claims: ['pool', 'number', 'claimant', 'part', 'updated_at', 'created_at'],
  pledges: [
    'reference', 'drive_id', 'status', 'donor_kind', 'donor_name', 'donor_phone', 'donor_email', 'listed', 'language', 'amount', 'received_amount', 'message',
    'idempotency_key', 'updated_at', 'created_at',
  ],
  pledges_items: ['_order', '_parent_id', 'id', 'item', 'label', 'quantity', 'received'],
} as const

export const insert = (table: keyof typeof LANE_COLUMNS) =>
  `INSERT INTO ${table} (${LANE_COLUMNS[table].join(', ')}) VALUES (${LANE_COLUMNS[table].map((c) => `:${c}`).join(', ')})`

const SQL = {
  // -- units
  // The next number after the highest held; past the top, the lowest gap (searched only when
  // some number is free: counting is a walk over the unique index, the search a lookup per unit).
  free: `SELECT CASE WHEN m < :capacity THEN m + 1 WHEN (SELECT count(*) FROM claims WHERE pool = :pool AND number BETWEEN 1 AND :capacity) >= :capacity THEN NULL
      ELSE (SELECT MIN(x) FROM (
        SELECT 1 AS x WHERE NOT EXISTS (SELECT 1 FROM claims WHERE pool = :pool AND number = 1)
        UNION ALL
        SELECT c.number + 1 FROM claims c WHERE c.pool = :pool AND c.number >= 1 AND c.number < :capacity
          AND NOT EXISTS (SELECT 1 FROM claims d WHERE d.pool = :pool AND d.number = c.number + 1)))
      END AS n
    FROM (SELECT COALESCE(MAX(number), 0) AS m FROM claims WHERE pool = :pool AND number BETWEEN 1 AND :capacity)`,
  take: insert('claims'),
  held: 'SELECT pool, number, claimant, part FROM claims WHERE claimant = :claimant ORDER BY part',
  release: 'DELETE FROM claims WHERE claimant = :claimant',
  // -- registrations
  earlier: 'SELECT id, reference, status, waitlisted_at, child_priority_group, priority_check_released_at FROM registrations WHERE idempotency_key = :key',
  // `run`, not `get` with RETURNING: libsql does not reset a statement whose `get` failed, so the
  // next use would fail again.
  store: insert('registrations'),
  consent: insert('registrations_consents'),
  hold: "UPDATE registrations SET status = 'confirmed', updated_at = :at WHERE id = :id",
  holdFromWaitlist: "UPDATE registrations SET status = 'confirmed', confirmation_queued_at = NULL, updated_at = :at WHERE id = :id",
  wait: "UPDATE registrations SET status = 'waitlisted', waitlisted_at = :since, updated_at = :at WHERE id = :id",
  dropConsents: 'DELETE FROM registrations_consents WHERE _parent_id = :id',
  drop: 'DELETE FROM registrations WHERE id = :id',
  position: `SELECT 1 + (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted'
      AND w.waitlisted_at <= r.waitlisted_at AND (w.waitlisted_at < r.waitlisted_at OR w.id < r.id)) AS n
    FROM registrations r WHERE r.id = :id`,
}

/** Who waits, as SQL (the same choice as registration-ops.ts `waitingWhere`). */
function waiting(rules: SeatRules, where: WaitScope, select: string): [string, Params] {
  const groups = where.groupedOnly ? rules.reservedFor : null
  const params: Params = { event: int(Number(where.scope)) }
  groups?.forEach((g, i) => (params[`g${i}`] = g))
  const grouped = groups
    ? ` AND child_priority_group IN (${groups.length ? groups.map((_, i) => `:g${i}`).join(', ') : 'NULL'}) AND priority_check_released_at IS NULL`
    : ''
  return [`SELECT ${select} FROM registrations WHERE event_id = :event AND status = 'waitlisted'${grouped}`, params]
}

export const int = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new Error(`Not an integer: ${n}`)
  return n
}
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

export type Row = Record<string, unknown>

/** The units of every pool over one SQLite connection (free, take, held, release), answered at once. */
export function sqliteUnitOps(sql: LaneSql, changed: () => void): Pick<CapacityOps<never>, 'free' | 'take' | 'held' | 'release'> {
  const now = () => new Date().toISOString()
  const free = (pool: Pool) => {
    if (pool.capacity < 1) return null
    const row = sql(SQL.free).get({ pool: pool.key, capacity: int(pool.capacity) }) as Row | undefined
    return row?.n === null || row?.n === undefined ? null : Number(row.n)
  }
  const release = (claimant: string) => {
    const n = Number(sql(SQL.release).run({ claimant }).changes)
    if (n) changed()
    return n
  }
  return {
    free,
    take(pool: Pool, claimant: string, part: number): TakeResult {
      // Inside the lane's transaction nobody else writes: the free number is free.
      const number = free(pool)
      if (number === null) return null
      const at = now()
      try {
        sql(SQL.take).run({ pool: pool.key, number: int(number), claimant, part: int(part), updated_at: at, created_at: at })
      } catch (err) {
        if (uniqueViolationOn(err) === 'claimant') return 'claimant-holds'
        throw err
      }
      changed()
      return number
    },
    held(claimant: string) {
      return (sql(SQL.held).all({ claimant }) as Row[]).map((r) => ({ pool: String(r.pool), number: Number(r.number), claimant: String(r.claimant), part: Number(r.part) }))
    },
    release,
  }
}

/** The capacity steps of sign-ups over one SQLite connection, answered at once (see the top of this file). */
function sqliteOps(sql: LaneSql, rules: SeatRules, changed: () => void): CapacityOps<NewRegistration> {
  const claimed = (row: Row): Claimed =>
    asClaimed(rules, {
      id: Number(row.id),
      reference: String(row.reference),
      status: str(row.status),
      waitlistedAt: str(row.waitlisted_at),
      priorityGroup: str(row.child_priority_group),
      priorityReleasedAt: str(row.priority_check_released_at),
    })
  const now = () => new Date().toISOString()
  const units = sqliteUnitOps(sql, changed)
  return {
    ...units,
    earlier(key: string) {
      const row = sql(SQL.earlier).get({ key }) as Row | undefined
      return row ? claimed(row) : null
    },
    store(reg: NewRegistration) {
      const c = reg.child
      const at = now()
      let id: number
      try {
        id = Number(sql(SQL.store).run({
          reference: reg.reference, event_id: int(Number(reg.eventId)), status: 'pending', child_family_name: c.familyName, child_given_name: c.givenName,
          child_birth_date: c.birthDate, child_school: c.school ?? null, child_grade: c.grade ?? null, child_area_id: c.area == null ? null : int(Number(c.area)),
          child_priority_group: c.priorityGroup ?? null, guardian_name: reg.guardian.name, guardian_relationship: reg.guardian.relationship,
          guardian_phone: reg.guardian.phone ?? null, guardian_email: reg.guardian.email ?? null, submitted_by: reg.submittedBy, submission_id: reg.submissionId,
          manage_token_hash: reg.manageTokenHash, idempotency_key: reg.idempotencyKey, child_key: reg.childKey, updated_at: at, created_at: at,
        }).lastInsertRowid)
      } catch (err) {
        const on = uniqueViolationOn(err)
        if (on === 'idempotencyKey') return 'same-attempt'
        if (on === 'childKey') return 'duplicate'
        throw err
      }
      reg.consents.forEach((k, i) =>
        sql(SQL.consent).run({ _order: i + 1, _parent_id: id, id: `${reg.idempotencyKey}:${i}`, purpose: k.purpose, granted_by: k.grantedBy, wording_version: k.wordingVersion, granted_at: k.grantedAt }),
      )
      return claimed({ id, reference: reg.reference, status: 'pending', child_priority_group: c.priorityGroup ?? null })
    },
    hold(id: Id, from: Claimed['state']) {
      sql(from === 'waiting' ? SQL.holdFromWaitlist : SQL.hold).run({ id: int(Number(id)), at: now() })
    },
    wait(id: Id, since: string) {
      sql(SQL.wait).run({ id: int(Number(id)), since, at: now() })
    },
    drop(id: Id) {
      units.release(claimantOf(id))
      sql(SQL.dropConsents).run({ id: int(Number(id)) })
      sql(SQL.drop).run({ id: int(Number(id)) })
    },
    anyoneWaiting(where: WaitScope) {
      const [query, params] = waiting(rules, where, '1')
      return Number((sql(`SELECT EXISTS (${query}) AS n`).get(params) as Row | undefined)?.n ?? 0) === 1
    },
    position(id: Id) {
      return Number((sql(SQL.position).get({ id: int(Number(id)) }) as Row | undefined)?.n ?? 1)
    },
    queue(where: WaitScope) {
      const [query, params] = waiting(rules, where, 'id, reference, status, waitlisted_at, child_priority_group, priority_check_released_at')
      return (sql(`${query} ORDER BY waitlisted_at, id`).all(params) as Row[]).map(claimed)
    },
  }
}

type Adapt = (ops: CapacityOps<NewRegistration>) => CapacityOps<NewRegistration>
/** How a program's steps are answered on the lane's connection: sign-ups' seats, pledges' items… */
export type LaneOps = (sql: LaneSql, changed: () => void) => CapacityOps<never>
type Job = { program: Program<unknown>; ops: LaneOps; resolve: (value: unknown) => void; reject: (err: unknown) => void }

/** A lane closes its connection after this long without work, and opens it again on the next. */
const IDLE_CLOSE_MS = 60_000

/** The lane of one SQLite file: see the top of this file. */
export class SignUpLane {
  private db: Database.Database | null = null
  private readonly prepared = new Map<string, Statement>()
  private queue: Job[] = []
  private scheduled = false
  private idle: NodeJS.Timeout | null = null

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
  ) {}

  /** Runs a program of the capacity engine in the next group transaction, its steps answered by `ops`. */
  run<T>(program: Program<T>, ops: LaneOps): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ program, ops, resolve: (v) => resolve(v as T), reject })
      if (this.scheduled) return
      this.scheduled = true
      // The programs of the requests being read right now join this one's transaction.
      setImmediate(() => this.flush())
    })
  }

  /** The lane as a store of one event's seats; `adapt` may wrap its steps. */
  store(rules: SeatRules, adapt: Adapt = (ops) => ops): CapacityStore {
    return this.storeOf((sql, changed) => adapt(sqliteOps(sql, rules, changed)))
  }

  /** The lane as a store whose steps `ops` answers (e.g. pledges: cms/services/pledge-sqlite.ts). */
  storeOf(ops: LaneOps): CapacityStore {
    return { run: (program) => this.run(program, ops) }
  }

  private connection(): Database.Database {
    if (this.idle) clearTimeout(this.idle)
    this.idle = setTimeout(() => this.close(), IDLE_CLOSE_MS)
    this.idle.unref()
    if (!this.db) {
      const db = new Database(this.file)
      db.exec(`PRAGMA busy_timeout = ${int(this.busyTimeoutMs)}`)
      db.exec('PRAGMA synchronous = FULL') // as Payload's own connection: a commit is on disk
      this.db = db
    }
    return this.db
  }

  private statement(db: Database.Database, sql: string): Statement {
    let stmt = this.prepared.get(sql)
    if (!stmt) {
      stmt = db.prepare(sql)
      this.prepared.set(sql, stmt)
    }
    return stmt
  }

  private flush(): void {
    this.scheduled = false
    const jobs = this.queue
    this.queue = []
    const settle: (() => void)[] = []
    let changed = false
    try {
      const db = this.connection()
      const sql = (query: string) => this.statement(db, query)
      db.exec('BEGIN IMMEDIATE')
      try {
        for (const job of jobs) {
          db.exec('SAVEPOINT job')
          let jobChanged = false
          try {
            const value = runSync(job.program, job.ops(sql, () => (jobChanged = true)))
            db.exec('RELEASE job')
            changed ||= jobChanged
            settle.push(() => job.resolve(value))
          } catch (err) {
            db.exec('ROLLBACK TO job')
            db.exec('RELEASE job')
            settle.push(() => job.reject(err))
          }
        }
        db.exec('COMMIT')
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      }
    } catch (err) {
      // Nothing of this group was kept: every program in it is told so.
      for (const job of jobs) job.reject(err)
      return
    }
    for (const done of settle) done()
    if (changed) announceContentChange({ source: 'claims' })
  }

  close(): void {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    this.prepared.clear()
    this.db?.close()
    this.db = null
  }
}

const lanes = new WeakMap<Payload, SignUpLane>()

/** The lane of this Payload's SQLite file, or null on another database (or an in-memory one). */
export function signUpLaneOf(payload: Payload): SignUpLane | null {
  const db = payload.db
  if (!isSqlite(db)) return null
  let lane = lanes.get(payload)
  if (!lane) {
    const file = db.clientConfig.url.replace(/^file:(\/\/)?/, '')
    if (!file || file.startsWith(':')) return null
    lane = new SignUpLane(file, db.busyTimeout ?? 10_000)
    lanes.set(payload, lane)
  }
  return lane
}
