/**
 * Sign-ups and seats on a real database: no overbooking under a race (and proof that the race
 * test catches a naive check-then-insert), retries that create nothing, eligibility refusals,
 * consents per child, reserved seats, and the first-come-first-served waitlist.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registrationRows } from '../../cms/services/exports'
import { cancelRegistration, childKey, seatedEvent, signUp, withdrawConsent, type ChildInput, type SignUpInput } from '../../cms/services/registrations'
import { chooseSeatStore, localSeatStore, seatsOfEvent } from '../../cms/services/seat-store'
import { makePlace } from './fixtures'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('sign-ups and seats', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  const makeEvent = (capacity: number, extra: Record<string, unknown> = {}) => place.makeEvent({ capacity, ...extra })

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
  })
  afterAll(() => place.cleanup())

  const child = (i: number, extra: Partial<ChildInput> = {}): ChildInput => ({
    familyName: 'Nguyễn Thị',
    givenName: `Bé ${i}`,
    birthDate: '2020-01-15',
    assent: true,
    photoConsent: false,
    ...extra,
  })
  const request = (eventId: number | string, children: ChildInput[], key = unique('submission')): SignUpInput => ({
    eventId,
    idempotencyKey: key,
    submittedBy: 'guardian',
    guardian: { name: 'Trần Văn An', relationship: 'father', phone: '0912345678' },
    guardianConsent: true,
    children,
  })
  const statusCounts = async (eventId: number | string) => {
    const regs = await payload.find({ collection: 'registrations', where: { event: { equals: eventId } }, limit: 0, pagination: false, depth: 0 })
    const counts: Record<string, number> = {}
    for (const r of regs.docs) counts[r.status] = (counts[r.status] ?? 0) + 1
    return counts
  }
  /** The seat numbers held at an event, as families are told them (open seats, then reserved ones). */
  const seatNumbers = async (eventId: number | string) => [...(await seatsOfEvent(payload, await seatedEvent(payload, eventId))).values()].map((s) => s.number).sort((a, b) => a - b)

  it('gives exactly 20 seats when 200 sign-ups race for 20; the other 180 are waitlisted in order, none fails', async () => {
    const event = await makeEvent(20)
    const settled = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => signUp(payload, request(event.id, [child(i)]))))
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([])
    const outcomes = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value.outcomes : []))
    expect(outcomes.filter((o) => o.status === 'confirmed')).toHaveLength(20)
    expect(outcomes.filter((o) => o.status === 'waitlisted')).toHaveLength(180)
    expect(await statusCounts(event.id)).toEqual({ confirmed: 20, waitlisted: 180 })
    expect(await seatNumbers(event.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it('the same race catches a naive check-then-insert (control run)', async () => {
    const event = await makeEvent(20)
    // What the service must NOT do: count the confirmed, then insert.
    const naiveSignUp = async (i: number) => {
      const confirmed = await payload.count({ collection: 'registrations', where: { and: [{ event: { equals: event.id } }, { status: { equals: 'confirmed' } }] } })
      await payload.create({
        collection: 'registrations',
        data: {
          reference: unique('N'),
          event: event.id as number,
          status: confirmed.totalDocs < 20 ? 'confirmed' : 'waitlisted',
          child: { familyName: 'Naive', givenName: String(i), birthDate: '2020-01-15' },
          guardian: { name: 'X', relationship: 'mother' },
          submittedBy: 'guardian',
          childKey: childKey(event.id, { familyName: 'Naive', givenName: String(i), birthDate: '2020-01-15' }),
        },
      })
    }
    await Promise.all(Array.from({ length: 200 }, (_, i) => naiveSignUp(i)))
    const counts = await statusCounts(event.id)
    expect(counts.confirmed ?? 0).toBeGreaterThan(20)
  })

  it('creates nothing new when the same submission is sent again', async () => {
    const event = await makeEvent(5)
    const req = request(event.id, [child(1), child(2)])
    const first = await signUp(payload, req)
    const again = await signUp(payload, req)
    expect(again.outcomes).toEqual(first.outcomes)
    // the same manage links again (derived, not stored), and no new registration
    expect(first.manageTokens.size).toBe(2)
    expect([...again.manageTokens]).toEqual([...first.manageTokens])
    expect(await statusCounts(event.id)).toEqual({ confirmed: 2 })
    // and no seat was taken without a registration to show for it
    expect(await seatNumbers(event.id)).toEqual([1, 2])
  })

  it('takes only a unique index for "already signed up": any other refusal of the database is a clear error, and nothing is kept', async () => {
    const event = await makeEvent(5)
    chooseSeatStore(payload, (rules) => localSeatStore(payload, rules, undefined, 'api'))
    try {
      // what the shared schema would never let through: Payload's own validation refuses it
      const bad = { ...request(event.id, [child(1)]), guardian: { name: 'Trần Văn An', relationship: 'father' as const, email: 'not an email' } }
      await expect(signUp(payload, bad)).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'guardian.email' })] } })
    } finally {
      chooseSeatStore(payload, null)
    }
    // the default store (rows straight into the tables where there are tables): the database's own refusal (a required column left empty)
    const noName = { ...request(event.id, [child(2)]), guardian: { name: null as unknown as string, relationship: 'father' as const, phone: '0912345678' } }
    await expect(signUp(payload, noName)).rejects.toThrow()
    expect(await statusCounts(event.id)).toEqual({})
    expect(await seatNumbers(event.id)).toEqual([])
  })

  it('refuses the same child twice in one event, even in another submission', async () => {
    const event = await makeEvent(5)
    await signUp(payload, request(event.id, [child(1)]))
    const second = await signUp(payload, request(event.id, [child(1, { familyName: '  nguyễn   thị ' })]))
    expect(second.outcomes).toEqual([{ index: 0, status: 'refused', reason: 'already-registered' }])
  })

  it('refuses the same child sent at the same moment by two families, and keeps the sign-ups around it whole', async () => {
    // Sent together, these are written together (on SQLite, in one commit): the duplicate is
    // taken back alone, the children before and after it keep their seats and consents.
    const event = await makeEvent(5)
    const results = await Promise.all([
      signUp(payload, request(event.id, [child(1)])),
      signUp(payload, request(event.id, [child(2)])),
      signUp(payload, request(event.id, [child(2, { givenName: ' bé 2 ' })])),
      signUp(payload, request(event.id, [child(3)])),
    ])
    const said = results.map((r) => (r.outcomes[0]?.status === 'refused' ? r.outcomes[0].reason : r.outcomes[0]?.status))
    // which of the two families comes first is the database's call; exactly one of them does
    expect([said[0], said[3], [said[1], said[2]].sort()]).toEqual(['confirmed', 'confirmed', ['already-registered', 'confirmed']])
    expect(await seatNumbers(event.id)).toEqual([1, 2, 3])
    const regs = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, limit: 0, pagination: false, depth: 0 })
    expect(regs.docs.map((r) => [r.child.givenName.trim().toLowerCase(), r.status, (r.consents ?? []).length]).sort()).toEqual([
      ['bé 1', 'confirmed', 2],
      ['bé 2', 'confirmed', 2],
      ['bé 3', 'confirmed', 2],
    ])
  })

  it('refuses with the reason: too young, too old, registration closed or not open yet, missing assent from 7', async () => {
    const event = await makeEvent(10)
    const result = await signUp(
      payload,
      request(event.id, [
        child(1, { birthDate: '2025-08-01' }),
        child(2, { birthDate: '2010-01-01' }),
        child(3, { birthDate: '2020-01-15', assent: false }),
        child(4, { birthDate: '2025-06-30', assent: false }),
      ]),
    )
    expect(result.outcomes.map((o) => (o.status === 'refused' ? o.reason : o.status))).toEqual(['too-young', 'too-old', 'assent-missing', 'confirmed'])

    const closed = await makeEvent(10, { registrationClosesAt: '2026-01-01T00:00:00.000Z' })
    expect((await signUp(payload, request(closed.id, [child(5)]))).outcomes[0]).toMatchObject({ status: 'refused', reason: 'closed' })
    const later = await makeEvent(10, { registrationOpensAt: '2099-01-01T00:00:00.000Z' })
    expect((await signUp(payload, request(later.id, [child(6)]))).outcomes[0]).toMatchObject({ status: 'refused', reason: 'not-open-yet' })
    expect(await statusCounts(closed.id)).toEqual({})
  })

  it('refuses as full, stores nothing, when seats are gone and there is no waitlist', async () => {
    const event = await makeEvent(1, { waitlist: false })
    const result = await signUp(payload, request(event.id, [child(1), child(2)]))
    expect(result.outcomes.map((o) => o.status === 'refused' ? o.reason : o.status)).toEqual(['confirmed', 'full'])
    expect(await statusCounts(event.id)).toEqual({ confirmed: 1 })
  })

  it('records consents per child and purpose with the wording version and time', async () => {
    const event = await makeEvent(5)
    const now = new Date('2031-06-01T03:00:00.000Z')
    await signUp(payload, request(event.id, [child(1, { photoConsent: true }), child(2, { birthDate: '2025-06-30', assent: false })]), { now })
    const regs = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, sort: 'child.givenName', depth: 0 })
    const consents = regs.docs.map((r) => (r.consents ?? []).map((c) => [c.purpose, c.grantedBy, c.wordingVersion, c.grantedAt]))
    expect(consents).toEqual([
      [
        ['participation', 'guardian', 'v1', now.toISOString()],
        ['participation', 'child', 'v1', now.toISOString()],
        ['photo', 'guardian', 'v1', now.toISOString()],
      ],
      [['participation', 'guardian', 'v1', now.toISOString()]],
    ])
  })

  it('withdraws the photo consent when the family asks, keeping the record with its time, the sign-up and the other consents', async () => {
    const event = await makeEvent(5)
    await signUp(payload, request(event.id, [child(1, { photoConsent: true }), child(2)]))
    const [withPhoto, without] = (await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, sort: 'child.givenName', depth: 0 })).docs
    const at = new Date('2031-06-02T04:00:00.000Z')
    expect(await withdrawConsent(payload, withPhoto?.id ?? 0, 'photo', at)).toBe(1)
    expect(await withdrawConsent(payload, withPhoto?.id ?? 0, 'photo')).toBe(0) // sent again: nothing more to withdraw
    expect(await withdrawConsent(payload, without?.id ?? 0, 'photo')).toBe(0)
    const after = await payload.findByID({ collection: 'registrations', id: withPhoto?.id ?? 0, depth: 0 })
    expect(after.status).toBe('confirmed')
    expect((after.consents ?? []).map((c) => [c.purpose, c.grantedBy, c.withdrawnAt ?? null])).toEqual([
      ['participation', 'guardian', null],
      ['participation', 'child', null],
      ['photo', 'guardian', at.toISOString()],
    ])
    const { rows } = await registrationRows(payload, event, 'en')
    expect(rows.map((r) => [r.givenName, r.consentGuardian, r.consentPhoto])).toEqual([
      ['Bé 1', 'Yes', 'No (ended 02/06/2031 11:00)'],
      ['Bé 2', 'Yes', 'No'],
    ])
  })

  const reservedFor = (capacity: number, reservedSeats: number, priorityGroups: string[] = ['poor', 'near-poor']) =>
    makeEvent(capacity, { reservedSeats, eligibility: { minAge: 6, maxAge: 15, priorityGroups } })

  it('holds the reserved seats for children in priority groups', async () => {
    const event = await reservedFor(3, 1)
    const result = await signUp(payload, request(event.id, [child(1), child(2), child(3), child(4, { priorityGroup: 'poor' })]))
    expect(result.outcomes.map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'confirmed'])
  })

  it('counts a declared priority group only when the event reserves seats for it', async () => {
    const forOthers = await reservedFor(2, 1, ['disability'])
    const notCounted = await signUp(payload, request(forOthers.id, [child(1, { priorityGroup: 'poor' }), child(2, { priorityGroup: 'poor' })]))
    expect(notCounted.outcomes.map((o) => (o.status === 'confirmed' ? o.seat : o.status))).toEqual([1, 'waitlisted'])
    const noneHeld = await makeEvent(1, { eligibility: { minAge: 6, maxAge: 15, priorityGroups: ['poor'] } })
    const plain = await signUp(payload, request(noneHeld.id, [child(1), child(2, { priorityGroup: 'poor' })]))
    expect(plain.outcomes.map((o) => (o.status === 'confirmed' ? o.seat : o.status))).toEqual([1, 'waitlisted'])
  })

  it('gives priority children the reserved seats first, so the open seats stay open for the others', async () => {
    const event = await reservedFor(3, 1)
    const priority = await signUp(payload, request(event.id, [child(1, { priorityGroup: 'near-poor' })]))
    expect(priority.outcomes[0]).toMatchObject({ status: 'confirmed', seat: 3 })
    const others = await signUp(payload, request(event.id, [child(2), child(3), child(4)]))
    expect(others.outcomes.map((o) => (o.status === 'confirmed' ? o.seat : o.status))).toEqual([1, 2, 'waitlisted'])
    // a second priority child, once the reserved seat is gone, may still take an open seat: none is left
    const late = await signUp(payload, request(event.id, [child(5, { priorityGroup: 'poor' })]))
    expect(late.outcomes[0]?.status).toBe('waitlisted')
  })

  it('cancelling frees the seat for the first child on the waitlist', async () => {
    const event = await makeEvent(1)
    const a = await signUp(payload, request(event.id, [child(1)]))
    const b = await signUp(payload, request(event.id, [child(2)]))
    const c = await signUp(payload, request(event.id, [child(3)]))
    expect([a, b, c].map((r) => r.outcomes[0]?.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted'])
    expect(c.outcomes[0]).toMatchObject({ position: 2 })
    const first = await payload.find({ collection: 'registrations', where: { reference: { equals: a.outcomes[0]?.status === 'confirmed' ? a.outcomes[0].reference : '' } } })
    const promoted = await cancelRegistration(payload, first.docs[0]?.id ?? 0)
    const second = await payload.find({ collection: 'registrations', where: { reference: { equals: b.outcomes[0]?.status === 'waitlisted' ? b.outcomes[0].reference : '' } } })
    expect(promoted).toEqual([second.docs[0]?.id])
    expect(await statusCounts(event.id)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 })
    // cancelling ended the child's consents: the export says no, with when
    const { rows } = await registrationRows(payload, event, 'en')
    expect(rows.filter((r) => r.status === 'Cancelled').map((r) => [r.consentGuardian, r.consentChild])).toEqual([[expect.stringMatching(/^No \(ended \d\d\/\d\d\/\d{4} \d\d:\d\d\)$/), expect.stringMatching(/^No \(ended /)]])
    // the cancelled child may sign up again; a new sign-up joins the end of the queue
    const again = await signUp(payload, request(event.id, [child(1)]))
    expect(again.outcomes[0]).toMatchObject({ status: 'waitlisted', position: 2 })
  })

  it('never returns a registration to the public, nor its keys to staff', async () => {
    const event = await makeEvent(2)
    await signUp(payload, request(event.id, [child(1)]))
    await expect(payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    await expect(payload.findByID({ collection: 'registrations', id: 1, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    const admin = await payload.create({ collection: 'users', data: { email: `${unique('a')}@t.vn`, name: 'A', roles: ['admin'], password: 'test-password-123' } })
    const asAdmin = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, overrideAccess: false, user: { ...admin, collection: 'users' } })
    expect(asAdmin.totalDocs).toBe(1)
    expect(asAdmin.docs[0]).not.toHaveProperty('manageTokenHash')
    expect(asAdmin.docs[0]).not.toHaveProperty('idempotencyKey')
    expect(asAdmin.docs[0]).not.toHaveProperty('childKey')
    await payload.delete({ collection: 'users', id: admin.id })
  })
})
