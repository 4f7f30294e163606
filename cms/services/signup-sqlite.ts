/**
 * SQLite's lane for a child's first sign-up: the registration, its consent records and its seat
 * (or waitlist place) are written in one atomic batch, one transaction with one commit, instead
 * of some eight Local API operations that each commit on their own. On the embedded database
 * that is most of what a sign-up costs, and it is what a burst of sign-ups waits on.
 *
 * The rules are the ones of registrations.ts and seats.ts, said here in SQL:
 * - a seat only when nobody who could take it is waiting (first come, first served);
 * - the next number after the highest taken; once the top is reached, the lowest freed number;
 * - children in priority groups take the reserved numbers (the top ones) first;
 * - no seat: the waitlist, or, for an event without one, refused as full and nothing kept.
 * The batch runs under SQLite's write lock (BEGIN IMMEDIATE), so nothing else writes in
 * between; the unique index on (event, number) stays the last word all the same.
 *
 * PostgreSQL and MongoDB take the Local API path (registrations.ts), which the same tests run.
 */
import { randomBytes } from 'node:crypto'
import type { Client, InStatement } from '@libsql/client'
import type { Payload } from 'payload'
import { announceContentChange } from './content-events'
import { highestSeatFor } from './events'
import type { Id } from './ids'

type Adapter = Payload['db']
type SqliteAdapter = Adapter & { client: Client }

function isSqlite(db: Adapter): db is SqliteAdapter {
  return db.name === 'sqlite' && 'client' in db && typeof db.client === 'object' && db.client !== null && 'batch' in db.client
}

/** The SQLite client behind this Payload, or null on another database. */
export function sqliteClientOf(payload: Payload): Client | null {
  return isSqlite(payload.db) ? payload.db.client : null
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

const int = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new Error(`Not an integer: ${n}`)
  return n
}

/** The lowest number in from..to that is free to take next (NULL when none), as an SQL expression. */
function freeSeatIn(event: number, from: number, to: number): string {
  if (from > to) return 'NULL'
  const gap = `(SELECT MIN(x) FROM (
      SELECT ${from} AS x WHERE NOT EXISTS (SELECT 1 FROM seats WHERE event_id = ${event} AND number = ${from})
      UNION ALL
      SELECT s.number + 1 FROM seats s WHERE s.event_id = ${event} AND s.number >= ${from} AND s.number < ${to}
        AND NOT EXISTS (SELECT 1 FROM seats t WHERE t.event_id = ${event} AND t.number = s.number + 1)))`
  return `(SELECT CASE WHEN m < ${to} THEN m + 1 ELSE ${gap} END
    FROM (SELECT COALESCE(MAX(number), ${from - 1}) AS m FROM seats WHERE event_id = ${event} AND number BETWEEN ${from} AND ${to}))`
}

/**
 * Stores a child's registration with its consents and places it, all or nothing. Throws the
 * database's unique-index error when the same child is already signed up by another submission.
 */
export async function storeAndPlace(client: Client, reg: NewRegistration, rules: SeatRules, now: Date): Promise<StoredPlace> {
  const at = now.toISOString()
  const event = int(Number(reg.eventId))
  const capacity = int(rules.capacity)
  const open = int(highestSeatFor(capacity, rules.reserved, false))
  const key = reg.idempotencyKey
  // Every statement after the insert touches only the row this batch stored (still pending):
  // a retry that meets an earlier attempt's row changes nothing and is answered from that row.
  const regId = "(SELECT id FROM registrations WHERE idempotency_key = ? AND status = 'pending')"
  const free = rules.priority ? `COALESCE(${freeSeatIn(event, open + 1, capacity)}, ${freeSeatIn(event, 1, open)})` : freeSeatIn(event, 1, open)
  const nobodyWaiting = rules.waitlist
    ? `AND NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = ${event} AND status = 'waitlisted'${rules.priority ? ' AND child_priority_group IS NOT NULL' : ''})`
    : ''
  const c = reg.child
  const consentIds = randomBytes(11).toString('hex')
  const statements: InStatement[] = [
    {
      sql: `INSERT INTO registrations (reference, event_id, status, child_family_name, child_given_name, child_birth_date, child_school, child_grade,
              child_area_id, child_priority_group, guardian_name, guardian_relationship, guardian_phone, guardian_email, submitted_by, submission_id,
              manage_token_hash, idempotency_key, child_key, updated_at, created_at)
            VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (idempotency_key) DO NOTHING`,
      args: [
        reg.reference, event, c.familyName, c.givenName, c.birthDate, c.school ?? null, c.grade ?? null, c.area ?? null, c.priorityGroup ?? null,
        reg.guardian.name, reg.guardian.relationship, reg.guardian.phone ?? null, reg.guardian.email ?? null, reg.submittedBy, reg.submissionId,
        reg.manageTokenHash, key, reg.childKey, at, at,
      ],
    },
    {
      sql: `INSERT INTO registrations_consents (_order, _parent_id, id, purpose, granted_by, wording_version, granted_at)
            SELECT v.column1, r.id, v.column2, v.column3, v.column4, v.column5, v.column6
            FROM (VALUES ${reg.consents.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}) v
            JOIN registrations r ON r.idempotency_key = ? AND r.reference = ?`,
      args: [...reg.consents.flatMap((k, i) => [i + 1, `${consentIds}${i}`, k.purpose, k.grantedBy, k.wordingVersion, k.grantedAt]), key, reg.reference],
    },
    {
      sql: `INSERT INTO seats (event_id, number, registration_id, updated_at, created_at)
            SELECT ${event}, free.n, ${regId}, ?, ? FROM (SELECT ${free} AS n) free WHERE free.n IS NOT NULL ${nobodyWaiting}`,
      args: [key, at, at],
    },
    rules.waitlist
      ? {
          sql: `UPDATE registrations SET
                  status = CASE WHEN EXISTS (SELECT 1 FROM seats WHERE registration_id = registrations.id) THEN 'confirmed' ELSE 'waitlisted' END,
                  waitlisted_at = CASE WHEN EXISTS (SELECT 1 FROM seats WHERE registration_id = registrations.id) THEN NULL ELSE ? END,
                  updated_at = ?
                WHERE idempotency_key = ? AND status = 'pending'`,
          args: [at, at, key],
        }
      : {
          sql: `UPDATE registrations SET status = 'confirmed', updated_at = ?
                WHERE idempotency_key = ? AND status = 'pending' AND EXISTS (SELECT 1 FROM seats WHERE registration_id = registrations.id)`,
          args: [at, key],
        },
    ...(rules.waitlist
      ? []
      : [
          // no seat and no waitlist: refused as full, nothing kept
          { sql: `DELETE FROM registrations_consents WHERE _parent_id IN (SELECT id FROM registrations WHERE idempotency_key = ? AND status = 'pending')`, args: [key] },
          { sql: `DELETE FROM registrations WHERE idempotency_key = ? AND status = 'pending'`, args: [key] },
        ]),
    {
      sql: `SELECT r.id, r.reference, r.status,
              (SELECT number FROM seats WHERE registration_id = r.id) AS seat,
              CASE WHEN r.status = 'waitlisted' THEN 1 + (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted'
                AND (w.waitlisted_at < r.waitlisted_at OR (w.waitlisted_at = r.waitlisted_at AND w.id < r.id))) END AS position
            FROM registrations r WHERE r.idempotency_key = ?`,
      args: [key],
    },
  ]
  const results = await client.batch(statements, 'write')
  const row = results[results.length - 1]?.rows[0]
  if (!row) return { status: 'full' }
  if (row.reference !== reg.reference) return { status: 'stored-before' }
  if (row.status === 'confirmed') {
    announceContentChange({ source: 'seats' })
    return { status: 'confirmed', reference: reg.reference, seat: Number(row.seat) }
  }
  return { status: 'waitlisted', reference: reg.reference, position: Number(row.position) }
}
