/**
 * Conformance of the capacity engine's stores (cms/services/capacity.ts): the Local API store
 * writing through `payload.create` (every adapter), the same store writing new rows and state
 * changes straight into the tables (cms/services/sql-rows.ts: the default on SQL databases) and
 * the SQLite lane run the same scenarios through the real services, and must
 * leave the same documents, field by field — registrations, their consents and the claims — and
 * give the same answers. On PostgreSQL the Local API store runs alone against the same
 * expectations. A control run shows the checks catch a store that allocates without the
 * claimant index.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { release, type AsyncOps, type CapacityOps, type Pool } from '../../cms/services/capacity'
import { promoteWaitlist, cancelRegistration, finishPending, seatedEvent, signUp, type ChildInput, type SignUpInput, type SignUpResult } from '../../cms/services/registrations'
import type { NewRegistration } from '../../cms/services/registration-ops'
import { chooseSeatStore, localSeatStore, seatStore } from '../../cms/services/seat-store'
import { seatPoolKeys, seatPools, seatRules } from '../../cms/services/seats'
import { LANE_COLUMNS, signUpLaneOf } from '../../cms/services/signup-sqlite'
import { hasTables } from '../../cms/services/sql-rows'
import { createCms } from '../../site/lib/cms'
import { makePlace } from './fixtures'
import { makeStaff, skipReason, testPayload, unique } from './payload'

type Id = number | string
type StoreKind = 'local through payload.create' | 'local' | 'lane' | 'local without the claimant index' | 'lane without the claimant index'

/** "Allocates without the claimant index": every unit is taken under a name of its own, so neither the index nor a lookup ever finds a claimant's units. */
let taken = 0
function withoutClaimantIndex<T extends { take: (pool: Pool, claimant: string, part: number) => unknown }>(ops: T): T {
  const n = () => ++taken
  return { ...ops, take: (pool: Pool, claimant: string, part: number) => ops.take(pool, `${claimant}#${n()}`, part) }
}

describe.skipIf(skipReason)('capacity engine: both stores, same documents', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  let admin: Awaited<ReturnType<typeof makeStaff>>
  const sqlite = () => signUpLaneOf(payload) !== null
  const kinds = (): StoreKind[] => ['local through payload.create', ...(hasTables(payload) ? (['local'] as const) : []), ...(sqlite() ? (['lane'] as const) : [])]

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
    admin = await makeStaff(payload, ['admin'])
  })
  afterAll(async () => {
    chooseSeatStore(payload, null)
    await place.cleanup()
    await payload.db.deleteMany({ collection: 'audit-log', where: { user: { equals: admin.id } } })
    await payload.delete({ collection: 'users', id: admin.id })
  })

  function use(kind: StoreKind) {
    const lane = signUpLaneOf(payload)
    chooseSeatStore(payload, (rules) => {
      switch (kind) {
        case 'local through payload.create':
          return localSeatStore(payload, rules, undefined, 'api')
        case 'local':
          return localSeatStore(payload, rules)
        case 'local without the claimant index':
          return localSeatStore(payload, rules, (ops: AsyncOps<CapacityOps<NewRegistration>>) => withoutClaimantIndex(ops))
        case 'lane':
        case 'lane without the claimant index':
          if (!lane) throw new Error('no lane on this database')
          return lane.store(rules, kind === 'lane' ? undefined : (ops) => withoutClaimantIndex(ops))
      }
    })
  }

  const child = (givenName: string, extra: Partial<ChildInput> = {}): ChildInput => ({ familyName: 'Trần Thị', givenName, birthDate: '2019-05-05', assent: true, photoConsent: true, ...extra })
  const submission = (eventId: Id, children: ChildInput[], key = unique('conf')): SignUpInput => ({
    eventId,
    idempotencyKey: key,
    submittedBy: 'guardian',
    guardian: { name: 'Phạm Văn Cường', relationship: 'father', phone: '0912345678' },
    guardianConsent: true,
    children,
  })

  /** One scenario's world: its events, its sign-ups by child name, and what each answer said. */
  function world() {
    const events: Id[] = []
    const answers: string[] = []
    const say = (result: SignUpResult, names: string[]) => {
      for (const o of result.outcomes) {
        const name = names[o.index] ?? '?'
        answers.push(o.status === 'confirmed' ? `${name}: seat ${o.seat}` : o.status === 'waitlisted' ? `${name}: waiting ${o.position}` : `${name}: ${o.reason}`)
      }
      return result
    }
    return {
      answers,
      async event(extra: Record<string, unknown>) {
        const e = await place.makeEvent({ eligibility: { minAge: 6, maxAge: 15, priorityGroups: ['poor', 'near-poor'] }, ...extra })
        events.push(e.id)
        return e
      },
      async signUp(eventId: Id, children: ChildInput[], options: { key?: string; now?: Date } = {}) {
        return say(await signUp(payload, submission(eventId, children, options.key), { now: options.now }), children.map((c) => c.givenName))
      },
      submission,
      say,
      async registration(eventId: Id, givenName: string) {
        const res = await payload.find({ collection: 'registrations', where: { and: [{ event: { equals: eventId } }, { 'child.givenName': { equals: givenName } }] }, sort: '-createdAt', limit: 1, depth: 0 })
        const reg = res.docs[0]
        if (!reg) throw new Error(`no registration for ${givenName}`)
        return reg
      },
      /** The event's documents, with what differs between runs (ids, keys, references, times) left out or named by child. */
      async snapshot(eventId: Id) {
        const event = await seatedEvent(payload, eventId)
        const regs = (await payload.find({ collection: 'registrations', where: { event: { equals: eventId } }, limit: 0, pagination: false, depth: 0, showHiddenFields: true })).docs
        const keys = seatPoolKeys(eventId)
        const units = (await payload.find({ collection: 'claims', where: { pool: { in: Object.values(keys) } }, limit: 0, pagination: false, depth: 0 })).docs
        const nameOf = new Map(regs.map((r) => [`registrations:${r.id}`, r.child.givenName]))
        const waiting = regs.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.waitlistedAt ?? '').localeCompare(b.waitlistedAt ?? '') || Number(a.id) - Number(b.id))
        const registrations = regs
          .map((r) => ({
            child: { ...r.child, area: r.child.area ?? null },
            guardian: r.guardian,
            submittedBy: r.submittedBy,
            status: r.status,
            inQueue: r.status === 'waitlisted' ? waiting.indexOf(r) + 1 : null,
            cameFromWaitlist: r.status !== 'waitlisted' && Boolean(r.waitlistedAt),
            consents: (r.consents ?? []).map((c) => [c.purpose, c.grantedBy, c.wordingVersion, c.withdrawnAt ? `ended: ${c.endReason}` : 'in force']),
            priorityCheck: { verified: Boolean(r.priorityCheck?.verifiedAt), released: Boolean(r.priorityCheck?.releasedAt) },
            cancelled: Boolean(r.cancelledAt),
            hasManageToken: Boolean(r.manageTokenHash),
            confirmationQueued: Boolean(r.confirmationQueuedAt),
          }))
          .sort((a, b) => a.child.givenName.localeCompare(b.child.givenName))
        const claims = units
          .map((u) => ({ pool: u.pool === keys.reserved ? 'reserved' : 'open', number: u.number, claimant: nameOf.get(u.claimant) ?? `unknown ${u.claimant}`, part: u.part }))
          .sort((a, b) => a.pool.localeCompare(b.pool) || a.number - b.number)
        const site = await createCms(payload).eventBySlug('vi', (await payload.findByID({ collection: 'events', id: eventId, depth: 0 })).slug)
        return { registrations, claims, seatsLeft: site ? { open: site.seats.open, reserved: site.seats.reserved } : null, problems: problemsOf(event, regs, units) }
      },
    }
  }

  /** What must hold whatever happened: units only for seated registrations of the event, one each, never past a pool's capacity. */
  function problemsOf(event: Awaited<ReturnType<typeof seatedEvent>>, regs: { id: Id; status: string }[], units: { pool: string; number: number; claimant: string }[]): string[] {
    const problems: string[] = []
    const pools = seatPools(event)
    for (const pool of Object.values(pools)) {
      const held = units.filter((u) => u.pool === pool.key)
      if (held.length > pool.capacity) problems.push(`${held.length} units held in ${pool.key} of ${pool.capacity}`)
      if (held.some((u) => u.number < 1 || u.number > pool.capacity)) problems.push(`a number outside 1..${pool.capacity} in ${pool.key}`)
    }
    for (const r of regs) {
      const mine = units.filter((u) => u.claimant === `registrations:${r.id}` || u.claimant.startsWith(`registrations:${r.id}#`))
      const seated = ['confirmed', 'attended', 'no-show'].includes(r.status)
      if (seated && mine.length !== 1) problems.push(`registration ${r.id} (${r.status}) holds ${mine.length} units`)
      if (!seated && mine.length) problems.push(`registration ${r.id} (${r.status}) holds ${mine.length} units`)
    }
    const known = new Set(regs.map((r) => String(r.id)))
    for (const u of units) if (!known.has(u.claimant.replace(/^registrations:/, '').replace(/#\d+$/, ''))) problems.push(`unit ${u.pool}#${u.number} held by nobody (${u.claimant})`)
    return problems
  }

  type Snapshot = Awaited<ReturnType<ReturnType<typeof world>['snapshot']>>
  type Run = { answers: string[]; snapshot: Snapshot; extra?: unknown }

  /** Runs a scenario through each store; every run must have no problems and equal the others. */
  async function conform(scenario: (w: ReturnType<typeof world>) => Promise<{ eventId: Id; extra?: unknown }>): Promise<Run> {
    const runs: Partial<Record<StoreKind, Run>> = {}
    for (const kind of kinds()) {
      use(kind)
      const w = world()
      const { eventId, extra } = await scenario(w)
      runs[kind] = { answers: w.answers, snapshot: await w.snapshot(eventId), extra }
      expect(runs[kind]?.snapshot.problems, kind).toEqual([])
    }
    chooseSeatStore(payload, null)
    const [first, ...others] = kinds()
    const reference = first ? runs[first] : undefined
    if (!reference) throw new Error('no run')
    for (const kind of others) expect(runs[kind], `${kind} against ${first}`).toEqual(reference)
    return reference
  }

  it('FIFO waitlist: seats in order, then the queue in order; a cancellation gives the seat to the first in line', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 2 })
      for (const name of ['An', 'Bình', 'Chi', 'Dũng', 'Em']) await w.signUp(event.id, [child(name)])
      await cancelRegistration(payload, (await w.registration(event.id, 'An')).id)
      return { eventId: event.id }
    })
    expect(run.answers).toEqual(['An: seat 1', 'Bình: seat 2', 'Chi: waiting 1', 'Dũng: waiting 2', 'Em: waiting 3'])
    expect(run.snapshot.registrations.map((r) => [r.child.givenName, r.status, r.inQueue, r.cameFromWaitlist])).toEqual([
      ['An', 'cancelled', null, false],
      ['Bình', 'confirmed', null, false],
      ['Chi', 'confirmed', null, true],
      ['Dũng', 'waitlisted', 1, false],
      ['Em', 'waitlisted', 2, false],
    ])
    expect(run.snapshot.claims).toEqual([
      { pool: 'open', number: 1, claimant: 'Chi', part: 1 },
      { pool: 'open', number: 2, claimant: 'Bình', part: 1 },
    ])
    // cancelling ended An's consents (kept on record)
    expect(run.snapshot.registrations[0]?.consents.map((c) => c[3])).toEqual(['ended: sign-up-cancelled', 'ended: sign-up-cancelled', 'ended: sign-up-cancelled'])
    expect(run.snapshot.seatsLeft).toEqual({ open: 0, reserved: 0 })
  })

  it('reserved seats: a priority group counts only when the event holds seats for it; priority children take reserved seats first and queue only behind each other', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 4, reservedSeats: 2 })
      await w.signUp(event.id, [child('An')])
      await w.signUp(event.id, [child('Bình', { priorityGroup: 'poor' })])
      await w.signUp(event.id, [child('Chi', { priorityGroup: 'disability' })]) // not a group this event holds seats for
      await w.signUp(event.id, [child('Dũng')])
      await w.signUp(event.id, [child('Em', { priorityGroup: 'near-poor' })])
      await w.signUp(event.id, [child('Giang', { priorityGroup: 'poor' })])
      await w.signUp(event.id, [child('Hà')])
      // Bình leaves: the reserved seat goes to the first waiting child who may take it (Giang), not to Dũng
      await cancelRegistration(payload, (await w.registration(event.id, 'Bình')).id)
      return { eventId: event.id }
    })
    expect(run.answers).toEqual(['An: seat 1', 'Bình: seat 3', 'Chi: seat 2', 'Dũng: waiting 1', 'Em: seat 4', 'Giang: waiting 2', 'Hà: waiting 3'])
    expect(run.snapshot.claims).toEqual([
      { pool: 'open', number: 1, claimant: 'An', part: 1 },
      { pool: 'open', number: 2, claimant: 'Chi', part: 1 },
      { pool: 'reserved', number: 1, claimant: 'Giang', part: 1 },
      { pool: 'reserved', number: 2, claimant: 'Em', part: 1 },
    ])
    expect(run.snapshot.registrations.filter((r) => r.status === 'waitlisted').map((r) => [r.child.givenName, r.inQueue])).toEqual([
      ['Dũng', 1],
      ['Hà', 2],
    ])
    expect(run.snapshot.seatsLeft).toEqual({ open: 0, reserved: 0 })
  })

  it('no waitlist: the seats go, then "full", and nothing is kept of the child who got none', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 1, waitlist: false })
      await w.signUp(event.id, [child('An'), child('Bình')])
      return { eventId: event.id }
    })
    expect(run.answers).toEqual(['An: seat 1', 'Bình: full'])
    expect(run.snapshot.registrations.map((r) => r.child.givenName)).toEqual(['An'])
  })

  it('a retry after registration closed is answered from what the first attempt stored; a new sign-up is refused', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 2, registrationClosesAt: '2031-06-01T00:00:00.000Z' })
      const key = unique('closing')
      await w.signUp(event.id, [child('An')], { key, now: new Date('2031-05-31T10:00:00.000Z') })
      await w.signUp(event.id, [child('An')], { key, now: new Date('2031-06-02T10:00:00.000Z') })
      await w.signUp(event.id, [child('Bình')], { now: new Date('2031-06-02T10:00:00.000Z') })
      return { eventId: event.id }
    })
    expect(run.answers).toEqual(['An: seat 1', 'An: seat 1', 'Bình: closed'])
    expect(run.snapshot.registrations.map((r) => [r.child.givenName, r.status])).toEqual([['An', 'confirmed']])
  })

  it('staff deleting a registration frees its seat and moves the waitlist up', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 1 })
      await w.signUp(event.id, [child('An')])
      await w.signUp(event.id, [child('Bình')])
      await payload.delete({ collection: 'registrations', id: (await w.registration(event.id, 'An')).id, user: admin, overrideAccess: false })
      return { eventId: event.id }
    })
    expect(run.snapshot.registrations.map((r) => [r.child.givenName, r.status, r.cameFromWaitlist])).toEqual([['Bình', 'confirmed', true]])
    expect(run.snapshot.claims).toEqual([{ pool: 'open', number: 1, claimant: 'Bình', part: 1 }])
  })

  const tenTimes = async (w: ReturnType<typeof world>) => {
    const event = await w.event({ capacity: 3 })
    const once = w.submission(event.id, [child('An')])
    const first = await signUp(payload, once)
    const sequential = []
    for (let i = 0; i < 4; i++) sequential.push(await signUp(payload, once))
    const atOnce = await Promise.all(Array.from({ length: 5 }, () => signUp(payload, once)))
    for (const r of [first, ...sequential, ...atOnce]) w.say(r, ['An'])
    return { eventId: event.id, extra: new Set([first, ...sequential, ...atOnce].map((r) => [...r.manageTokens.values()].join())).size }
  }

  it('the same submission sent 10 times (5 one after another, 5 at once): one registration, one seat, the same answer and link each time, and the page says so', async () => {
    const run = await conform(tenTimes)
    expect(run.answers).toEqual(Array.from({ length: 10 }, () => 'An: seat 1'))
    expect(run.extra, 'distinct manage links given').toBe(1)
    expect(run.snapshot.registrations).toHaveLength(1)
    expect(run.snapshot.claims).toEqual([{ pool: 'open', number: 1, claimant: 'An', part: 1 }])
    expect(run.snapshot.seatsLeft).toEqual({ open: 2, reserved: 0 })
  })

  it('two cancellations at the same moment promote two different children, one seat each', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 2 })
      for (const name of ['An', 'Bình', 'Chi', 'Dũng', 'Em']) await w.signUp(event.id, [child(name)])
      const [an, binh] = [await w.registration(event.id, 'An'), await w.registration(event.id, 'Bình')]
      await Promise.all([cancelRegistration(payload, an.id), cancelRegistration(payload, binh.id), promoteWaitlist(payload, event.id)])
      return { eventId: event.id }
    })
    expect(run.snapshot.registrations.map((r) => [r.child.givenName, r.status])).toEqual([
      ['An', 'cancelled'],
      ['Bình', 'cancelled'],
      ['Chi', 'confirmed'],
      ['Dũng', 'confirmed'],
      ['Em', 'waitlisted'],
    ])
  })

  it('a sign-up a crash left half-done is finished once, by the sweeper and a retry at the same moment', async () => {
    const run = await conform(async (w) => {
      const event = await w.event({ capacity: 2 })
      const once = w.submission(event.id, [child('An')])
      // what a crash between storing and placing leaves: the registration, pending, with no seat
      const stored = await signUp(payload, once)
      const reg = await w.registration(event.id, 'An')
      await seatStore(payload, seatRules(event)).run(release(`registrations:${reg.id}`))
      await payload.db.updateOne({ collection: 'registrations', id: reg.id, data: { status: 'pending', createdAt: '2020-01-01T00:00:00.000Z' } })
      const [, retried] = await Promise.all([finishPending(payload, new Date()), signUp(payload, once)])
      w.say(stored, ['An'])
      w.say(retried, ['An'])
      return { eventId: event.id }
    })
    expect(run.answers).toEqual(['An: seat 1', 'An: seat 1'])
    expect(run.snapshot.claims).toEqual([{ pool: 'open', number: 1, claimant: 'An', part: 1 }])
  })

  it('control: a store that allocates without the claimant index fails these checks', async () => {
    for (const kind of sqlite() ? (['local without the claimant index', 'lane without the claimant index'] as const) : (['local without the claimant index'] as const)) {
      use(kind)
      const w = world()
      const { eventId } = await tenTimes(w)
      const snapshot = await w.snapshot(eventId)
      chooseSeatStore(payload, null)
      expect(snapshot.problems.join('; '), kind).toMatch(/holds \d+ units/)
      expect(snapshot.seatsLeft?.open, kind).toBeLessThan(2)
    }
  })

  it("the lane's columns are the collections' columns", (ctx) => {
    if (!sqlite()) ctx.skip('the SQLite lane exists only on SQLite')
    const tables: unknown = 'tables' in payload.db ? payload.db.tables : null
    for (const [table, written] of Object.entries(LANE_COLUMNS)) {
      const schema: unknown = tables && typeof tables === 'object' && table in tables ? Reflect.get(tables, table) : null
      if (!schema || typeof schema !== 'object') throw new Error(`no table ${table}`)
      const columns = Object.values(schema)
        .filter((c): c is { name: string; notNull: boolean; hasDefault: boolean } => typeof c === 'object' && c !== null && 'name' in c && 'notNull' in c)
      const names = columns.map((c) => c.name)
      // every column the lane writes exists …
      expect(written.filter((c) => !names.includes(c)), table).toEqual([])
      // … and every column that must be given is given (or has a default the lane relies on)
      expect(columns.filter((c) => c.notNull && !c.hasDefault && c.name !== 'id' && !(written as readonly string[]).includes(c.name)).map((c) => c.name), table).toEqual([])
    }
  })
})
