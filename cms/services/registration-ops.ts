/**
 * Registrations as claimants of the capacity engine, over Payload's Local API: how a sign-up is
 * stored, found again, put on the waitlist or given its seat. The SQLite lane
 * (cms/services/signup-sqlite.ts) does the same steps in SQL; the conformance suite
 * (tests/int/capacity-conformance.test.ts) runs both on the same cases.
 */
import type { Payload, Where } from 'payload'
import type { Registration } from '../payload-types'
import type { AsyncOps, CapacityOps, Claimed, WaitScope } from './capacity'
import { uniqueViolationOn } from './errors'
import { asId, type Id } from './ids'
import { claimantOf, priorityCounts, type SeatRules } from './seats'
import { defaultWrites, insertDocument, updateRow, type SqlRow, type Writes } from './sql-rows'

/** A child's registration as the sign-up service makes it (status pending until placed). */
export type NewRegistration = {
  reference: string
  eventId: Id
  child: Pick<Registration['child'], 'familyName' | 'givenName' | 'birthDate' | 'school' | 'grade' | 'priorityGroup'> & { area?: Id | null }
  guardian: Registration['guardian']
  submittedBy: 'guardian' | 'school'
  submissionId: string
  manageTokenHash: string
  idempotencyKey: string
  childKey: string
  consents: { purpose: 'participation' | 'photo'; grantedBy: 'guardian' | 'child'; wordingVersion: string; grantedAt: string }[]
}

export type RegistrationOps = Omit<CapacityOps<NewRegistration>, 'free' | 'take' | 'held' | 'release'>

/** The states of the capacity engine, as a registration's status says them. */
export function claimState(status: string | null | undefined): Claimed['state'] {
  if (status === 'waitlisted') return 'waiting'
  if (status === 'cancelled') return 'ended'
  if (status === 'confirmed' || status === 'attended' || status === 'no-show') return 'held'
  return 'pending'
}

/** A registration row as the capacity rules see it. */
export function asClaimed(
  rules: SeatRules,
  reg: { id: Id; reference: string; status?: string | null; waitlistedAt?: string | null; priorityGroup?: string | null; priorityReleasedAt?: string | null },
): Claimed {
  return {
    id: reg.id,
    reference: reg.reference,
    claimant: claimantOf(reg.id),
    state: claimState(reg.status),
    waitingSince: reg.waitlistedAt ?? null,
    grouped: priorityCounts(rules, reg.priorityGroup, reg.priorityReleasedAt),
  }
}

const FIELDS = { reference: true, status: true, waitlistedAt: true, child: { priorityGroup: true }, priorityCheck: { releasedAt: true } } as const
type Row = Pick<Registration, 'id' | 'reference' | 'status' | 'waitlistedAt'> & { child?: { priorityGroup?: string | null }; priorityCheck?: { releasedAt?: string | null } | null }
const claimed = (rules: SeatRules, r: Row) => asClaimed(rules, { ...r, priorityGroup: r.child?.priorityGroup, priorityReleasedAt: r.priorityCheck?.releasedAt })

/** Who waits at an event (or only the children whose priority counts there). */
export function waitingWhere(rules: SeatRules, where: WaitScope): Where {
  const and: Where[] = [{ event: { equals: where.scope } }, { status: { equals: 'waitlisted' } }]
  if (where.groupedOnly) and.push({ 'child.priorityGroup': { in: [...rules.reservedFor] } }, { 'priorityCheck.releasedAt': { exists: false } })
  return { and }
}

type RegistrationState = Partial<Pick<Registration, 'status' | 'waitlistedAt' | 'confirmationQueuedAt' | 'remindedAt'>>

/**
 * Changes a registration's bookkeeping (status, waitlist time, notice markers) and nothing else.
 * The write goes to the database directly: no hook on registrations reacts to these fields, and
 * Payload's full update (re-validating and re-saving the whole child record with its consents)
 * was the largest cost of a sign-up. Where there are tables, one UPDATE of these columns
 * (cms/services/sql-rows.ts); elsewhere (MongoDB) the adapter's updateOne.
 */
export async function setRegistrationState(payload: Payload, id: Id, state: RegistrationState, writes: Writes = defaultWrites(payload)): Promise<void> {
  const data = { ...state, updatedAt: new Date().toISOString() }
  if (writes === 'tables') await updateRow(payload, 'registrations', id, data)
  else await payload.db.updateOne({ collection: 'registrations', id, data, returning: false })
}

/** The columns of a new registration and of its consents, as the Local API would store them. */
function registrationRows(record: NewRegistration): { row: SqlRow; consents: SqlRow[] } {
  const { child: c, guardian: g } = record
  const at = new Date().toISOString()
  return {
    row: {
      reference: record.reference, event: record.eventId, status: 'pending', child_familyName: c.familyName, child_givenName: c.givenName, child_birthDate: c.birthDate,
      child_school: c.school ?? null, child_grade: c.grade ?? null, child_area: c.area ?? null, child_priorityGroup: c.priorityGroup ?? null, guardian_name: g.name,
      guardian_relationship: g.relationship, guardian_phone: g.phone ?? null, guardian_email: g.email ?? null, submittedBy: record.submittedBy, submissionId: record.submissionId,
      manageTokenHash: record.manageTokenHash, idempotencyKey: record.idempotencyKey, childKey: record.childKey, updatedAt: at, createdAt: at,
    },
    consents: record.consents.map((k, i) => ({ id: `${record.idempotencyKey}:${i}`, purpose: k.purpose, grantedBy: k.grantedBy, wordingVersion: k.wordingVersion, grantedAt: k.grantedAt })),
  }
}

/** Registrations over the Local API; where there are tables, new rows and state changes go straight into them (`writes`). */
export function localRegistrationOps(payload: Payload, rules: SeatRules, writes: Writes = defaultWrites(payload)): AsyncOps<RegistrationOps> {
  const one = async (where: Where) => {
    const res = await payload.find({ collection: 'registrations', where, limit: 1, depth: 0, pagination: false, select: FIELDS })
    const row = res.docs[0]
    return row ? claimed(rules, row) : null
  }
  return {
    earlier: (key) => one({ idempotencyKey: { equals: key } }),

    async store(record) {
      const { eventId, child, ...data } = record
      try {
        if (writes === 'tables') {
          const { row, consents } = registrationRows(record)
          const id = await insertDocument(payload, 'registrations', row, { consents })
          return claimed(rules, { id: asId(id), reference: record.reference, status: 'pending', waitlistedAt: null, child: { priorityGroup: child.priorityGroup ?? null } })
        }
        const doc = await payload.create({
          collection: 'registrations',
          depth: 0,
          select: FIELDS,
          data: { ...data, child: { ...child, area: child.area == null ? child.area : asId(child.area) }, event: asId(eventId), status: 'pending' },
        })
        return claimed(rules, doc)
      } catch (err) {
        const on = uniqueViolationOn(err)
        if (on === 'idempotencyKey') return 'same-attempt'
        if (on === 'childKey') return 'duplicate'
        throw err
      }
    },

    // confirmationQueuedAt cleared: a child who waited is due an email saying it has a seat now.
    hold: (id, from) => setRegistrationState(payload, id, from === 'waiting' ? { status: 'confirmed', confirmationQueuedAt: null } : { status: 'confirmed' }, writes),

    wait: (id, since) => setRegistrationState(payload, id, { status: 'waitlisted', waitlistedAt: since }, writes),

    async drop(id) {
      await payload.delete({ collection: 'claims', where: { claimant: { equals: claimantOf(id) } }, depth: 0 })
      await payload.db.deleteOne({ collection: 'registrations', where: { id: { equals: id } } })
    },

    async anyoneWaiting(where) {
      return (await payload.count({ collection: 'registrations', where: waitingWhere(rules, where) })).totalDocs > 0
    },

    async position(id) {
      const reg = await payload.findByID({ collection: 'registrations', id, depth: 0, select: { event: true, waitlistedAt: true } })
      return waitlistPosition(payload, rules.eventId, { id, waitlistedAt: reg.waitlistedAt })
    },

    async queue(where) {
      const res = await payload.find({ collection: 'registrations', where: waitingWhere(rules, where), sort: ['waitlistedAt', 'id'], limit: 0, depth: 0, pagination: false, select: FIELDS })
      return res.docs.map((r) => claimed(rules, r))
    },
  }
}

/**
 * When the child was signed up: the time the family gave its consent to take part (the moment of
 * the submission, the same for every child in it), else when the record was stored.
 */
export function signedUpAt(reg: Pick<Registration, 'createdAt' | 'consents'>): string {
  return (reg.consents ?? []).find((c) => c.purpose === 'participation' && c.grantedBy === 'guardian')?.grantedAt ?? reg.createdAt
}

/** Position in the event's waitlist (1 = next to get a seat). */
export async function waitlistPosition(payload: Payload, eventId: Id, registration: { id: Id; waitlistedAt?: string | null }): Promise<number> {
  const at = registration.waitlistedAt ?? new Date(0).toISOString()
  // straight through the adapter: a count of the service's own, no access rules or hooks to run
  const ahead = await payload.db.count({
    collection: 'registrations',
    where: {
      and: [
        { event: { equals: eventId } },
        { status: { equals: 'waitlisted' } },
        { waitlistedAt: { less_than_equal: at } }, // a range of the (event, status, waitlistedAt) index
        { or: [{ waitlistedAt: { less_than: at } }, { and: [{ waitlistedAt: { equals: at } }, { id: { less_than: registration.id } }] }] },
      ],
    },
  })
  return ahead.totalDocs + 1
}
