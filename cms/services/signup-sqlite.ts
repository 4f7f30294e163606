/**
 * SQLite's lane for a child's first sign-up: the registration, its consent records and its seat
 * (or waitlist place) are written together, all or nothing, instead of some eight Local API
 * operations that each commit on their own. On the embedded database that is most of what a
 * sign-up costs, and it is what a burst of sign-ups waits on.
 *
 * The rules are the ones of registrations.ts and seats.ts, said here in SQL:
 * - a seat only when nobody who could take it is waiting (first come, first served);
 * - the next number after the highest taken; once the top is reached, the lowest freed number;
 * - children in priority groups take the reserved numbers (the top ones) first;
 * - no seat: the waitlist, or, for an event without one, refused as full and nothing kept.
 *
 * How it is written ("group commit", as databases do with their logs): the lane has its own
 * connection to the same file, with its statements prepared once. Sign-ups that arrive while
 * the lane is busy are written in one transaction under SQLite's write lock (BEGIN IMMEDIATE),
 * each inside its own savepoint, so one that fails (the same child signed up twice) takes back
 * only its own rows; then one commit, one flush to disk, for all of them. Nobody is answered
 * before that commit, so an answered sign-up survives a crash, and nothing is ever half-stored.
 * The unique index on (event, number) stays the last word on seats all the same.
 *
 * PostgreSQL and MongoDB take the Local API path (registrations.ts), which the same tests run.
 */
import { randomBytes } from 'node:crypto'
import Database from 'libsql'
import type { Payload } from 'payload'
import { announceContentChange } from './content-events'
import { highestSeatFor } from './events'
import type { Id } from './ids'

type Adapter = Payload['db']
type SqliteAdapter = Adapter & { clientConfig: { url: string }; busyTimeout?: number }

function isSqlite(db: Adapter): db is SqliteAdapter {
  return db.name === 'sqlite' && 'clientConfig' in db && typeof db.clientConfig === 'object' && db.clientConfig !== null && 'url' in db.clientConfig && typeof db.clientConfig.url === 'string'
}

export type NewRegistration = {
  reference: string
  eventId: Id
  child: { familyName: string; givenName: string; birthDate: string; school?: string | null; grade?: string | null; area?: Id | null; priorityGroup?: string | null }
  guardian: { name: string; relationship: string; phone?: string | null; email?: string | null }
  submittedBy: string
  submissionId: string
  manageTokenHash: string
  idempotencyKey: string
  childKey: string
  consents: { purpose: string; grantedBy: string; wordingVersion: string; grantedAt: string }[]
}

export type SeatRules = { capacity: number; reserved: number; waitlist: boolean; priority: boolean }

export type StoredPlace =
  | { status: 'confirmed'; reference: string; seat: number }
  | { status: 'waitlisted'; reference: string; position: number }
  | { status: 'full' }
  /** An earlier attempt of the same submission stored this child: nothing was written. */
  | { status: 'stored-before' }

/** A bound value: SQLite takes numbers, text and NULL here. */
type Value = number | string | null
type Params = Record<string, Value>
type Statement = ReturnType<Database.Database['prepare']>

/**
 * The lowest number in :lo..:hi (named by `range`) that is free to take next, NULL when none,
 * as an SQL expression: the next number after the highest taken; past the top, the lowest gap.
 */
function freeSeatIn(range: string, empty: boolean): string {
  if (empty) return 'NULL'
  const [lo, hi] = [`:${range}_lo`, `:${range}_hi`]
  const gap = `(SELECT MIN(x) FROM (
      SELECT ${lo} AS x WHERE NOT EXISTS (SELECT 1 FROM seats WHERE event_id = :event AND number = ${lo})
      UNION ALL
      SELECT s.number + 1 FROM seats s WHERE s.event_id = :event AND s.number >= ${lo} AND s.number < ${hi}
        AND NOT EXISTS (SELECT 1 FROM seats t WHERE t.event_id = :event AND t.number = s.number + 1)))`
  // Past the top, the gaps are searched only when some number in the range is free (counting
  // the range is a walk over the unique index; the search is a lookup per seat).
  const taken = `(SELECT count(*) FROM seats WHERE event_id = :event AND number BETWEEN ${lo} AND ${hi})`
  return `(SELECT CASE WHEN m < ${hi} THEN m + 1 WHEN ${taken} > ${hi} - ${lo} THEN NULL ELSE ${gap} END
    FROM (SELECT COALESCE(MAX(number), ${lo} - 1) AS m FROM seats WHERE event_id = :event AND number BETWEEN ${lo} AND ${hi}))`
}

/** The statements of one sign-up, as [sql, params]: only the rules and the number of consents change the SQL. */
function signUpStatements(reg: NewRegistration, rules: SeatRules, at: string): { writes: [string, Params][]; result: [string, Params] } {
  const event = int(Number(reg.eventId))
  const capacity = int(rules.capacity)
  const open = int(highestSeatFor(capacity, rules.reserved, false))
  const key = reg.idempotencyKey
  const ranges = { open_lo: 1, open_hi: open, reserved_lo: open + 1, reserved_hi: capacity }
  // Every statement after the insert touches only the row this sign-up stored (still pending):
  // a retry that meets an earlier attempt's row changes nothing and is answered from that row.
  const regId = "(SELECT id FROM registrations WHERE idempotency_key = :key AND status = 'pending')"
  const openSeat = freeSeatIn('open', open < 1)
  const free = rules.priority ? `COALESCE(${freeSeatIn('reserved', open + 1 > capacity)}, ${openSeat})` : openSeat
  // Somebody who could take a freed seat is waiting: no seat is looked for at all.
  const someoneWaiting = rules.waitlist
    ? `EXISTS (SELECT 1 FROM registrations WHERE event_id = :event AND status = 'waitlisted'${rules.priority ? ' AND child_priority_group IS NOT NULL' : ''})`
    : 'FALSE'
  const c = reg.child
  const consentIds = randomBytes(11).toString('hex')
  const consentParams: Params = {}
  reg.consents.forEach((k, i) => {
    Object.assign(consentParams, { [`order${i}`]: i + 1, [`cid${i}`]: `${consentIds}${i}`, [`purpose${i}`]: k.purpose, [`by${i}`]: k.grantedBy, [`version${i}`]: k.wordingVersion, [`granted${i}`]: k.grantedAt })
  })
  const writes: [string, Params][] = [
    [
      `INSERT INTO registrations (reference, event_id, status, child_family_name, child_given_name, child_birth_date, child_school, child_grade,
         child_area_id, child_priority_group, guardian_name, guardian_relationship, guardian_phone, guardian_email, submitted_by, submission_id,
         manage_token_hash, idempotency_key, child_key, updated_at, created_at)
       VALUES (:reference, :event, 'pending', :family, :given, :birth, :school, :grade, :area, :priority, :guardian, :relationship, :phone, :email,
         :submittedBy, :submission, :tokenHash, :key, :childKey, :at, :at)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      {
        reference: reg.reference, event, family: c.familyName, given: c.givenName, birth: c.birthDate, school: c.school ?? null, grade: c.grade ?? null,
        area: c.area === undefined || c.area === null ? null : Number(c.area), priority: c.priorityGroup ?? null, guardian: reg.guardian.name,
        relationship: reg.guardian.relationship, phone: reg.guardian.phone ?? null, email: reg.guardian.email ?? null, submittedBy: reg.submittedBy,
        submission: reg.submissionId, tokenHash: reg.manageTokenHash, key, childKey: reg.childKey, at,
      },
    ],
    [
      `INSERT INTO registrations_consents (_order, _parent_id, id, purpose, granted_by, wording_version, granted_at)
       SELECT v.column1, r.id, v.column2, v.column3, v.column4, v.column5, v.column6
       FROM (VALUES ${reg.consents.map((_, i) => `(:order${i}, :cid${i}, :purpose${i}, :by${i}, :version${i}, :granted${i})`).join(', ')}) v
       JOIN registrations r ON r.idempotency_key = :key AND r.reference = :reference`,
      { ...consentParams, key, reference: reg.reference },
    ],
    [
      `INSERT INTO seats (event_id, number, registration_id, updated_at, created_at)
       SELECT :event, free.n, ${regId}, :at, :at FROM (SELECT CASE WHEN ${someoneWaiting} THEN NULL ELSE ${free} END AS n) free WHERE free.n IS NOT NULL`,
      { event, key, at, ...ranges }, // a name the SQL does not use is ignored
    ],
    rules.waitlist
      ? [
          `UPDATE registrations SET
             status = CASE WHEN EXISTS (SELECT 1 FROM seats WHERE registration_id = registrations.id) THEN 'confirmed' ELSE 'waitlisted' END,
             waitlisted_at = CASE WHEN EXISTS (SELECT 1 FROM seats WHERE registration_id = registrations.id) THEN NULL ELSE :at END,
             updated_at = :at
           WHERE idempotency_key = :key AND status = 'pending'`,
          { at, key },
        ]
      : [
          `UPDATE registrations SET status = 'confirmed', updated_at = :at
           WHERE idempotency_key = :key AND status = 'pending' AND EXISTS (SELECT 1 FROM seats WHERE registration_id = registrations.id)`,
          { at, key },
        ],
    ...(rules.waitlist
      ? []
      : ([
          // no seat and no waitlist: refused as full, nothing kept
          [`DELETE FROM registrations_consents WHERE _parent_id IN (SELECT id FROM registrations WHERE idempotency_key = :key AND status = 'pending')`, { key }],
          [`DELETE FROM registrations WHERE idempotency_key = :key AND status = 'pending'`, { key }],
        ] satisfies [string, Params][])),
  ]
  const result: [string, Params] = [
    `SELECT r.reference, r.status,
       (SELECT number FROM seats WHERE registration_id = r.id) AS seat,
       CASE WHEN r.status = 'waitlisted' THEN 1 + (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted'
         AND w.waitlisted_at <= r.waitlisted_at AND (w.waitlisted_at < r.waitlisted_at OR w.id < r.id)) END AS position
     FROM registrations r WHERE r.idempotency_key = :key`,
    { key },
  ]
  return { writes, result }
}

const int = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new Error(`Not an integer: ${n}`)
  return n
}

type Job = { reg: NewRegistration; rules: SeatRules; now: Date; resolve: (place: StoredPlace) => void; reject: (err: unknown) => void }

/** A lane closes its connection after this long without sign-ups, and opens it again on the next. */
const IDLE_CLOSE_MS = 60_000

/** The sign-up lane of one SQLite file: see the top of this file. */
class SignUpLane {
  private db: Database.Database | null = null
  private readonly prepared = new Map<string, Statement>()
  private queue: Job[] = []
  private scheduled = false
  private idle: NodeJS.Timeout | null = null

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
  ) {}

  /**
   * Stores a child's registration with its consents and places it, all or nothing. Rejects with
   * the database's unique-index error when the same child is already signed up by another submission.
   */
  place(reg: NewRegistration, rules: SeatRules, now: Date): Promise<StoredPlace> {
    return new Promise<StoredPlace>((resolve, reject) => {
      this.queue.push({ reg, rules, now, resolve, reject })
      if (this.scheduled) return
      this.scheduled = true
      // The sign-ups whose requests are being read right now join this one's transaction.
      setImmediate(() => this.flush())
    })
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
    let seated = false
    try {
      const db = this.connection()
      db.exec('BEGIN IMMEDIATE')
      try {
        for (const job of jobs) {
          db.exec('SAVEPOINT signup')
          try {
            const place = this.store(db, job)
            db.exec('RELEASE signup')
            if (place.status === 'confirmed') seated = true
            settle.push(() => job.resolve(place))
          } catch (err) {
            db.exec('ROLLBACK TO signup')
            db.exec('RELEASE signup')
            settle.push(() => job.reject(err))
          }
        }
        db.exec('COMMIT')
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      }
    } catch (err) {
      // Nothing of this group was kept: every sign-up in it is told so.
      for (const job of jobs) job.reject(err)
      return
    }
    for (const done of settle) done()
    if (seated) announceContentChange({ source: 'seats' })
  }

  private store(db: Database.Database, { reg, rules, now }: Job): StoredPlace {
    const { writes, result } = signUpStatements(reg, rules, now.toISOString())
    for (const [sql, params] of writes) this.statement(db, sql).run(params)
    const rows = this.statement(db, result[0]).all(result[1])
    const row = rows[0]
    if (!isPlaceRow(row)) return { status: 'full' }
    if (row.reference !== reg.reference) return { status: 'stored-before' }
    if (row.status === 'confirmed') return { status: 'confirmed', reference: reg.reference, seat: Number(row.seat) }
    return { status: 'waitlisted', reference: reg.reference, position: Number(row.position) }
  }

  close(): void {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    this.prepared.clear()
    this.db?.close()
    this.db = null
  }
}

type PlaceRow = { reference: string; status: string; seat: number | null; position: number | null }

function isPlaceRow(row: unknown): row is PlaceRow {
  return typeof row === 'object' && row !== null && 'reference' in row && typeof row.reference === 'string' && 'status' in row && typeof row.status === 'string'
}

const lanes = new WeakMap<Payload, SignUpLane>()

/** The sign-up lane of this Payload's SQLite file, or null on another database (or an in-memory one). */
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
