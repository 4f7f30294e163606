/**
 * Staff change registrations only through the operations their work needs — check-in, cancel,
 * verify or release a priority seat, mark a no-show — and the staff note. Through the REST API
 * no role can replace consents, guardian data, the child, the event, attendance, the status or
 * timestamps (this was possible with one PATCH). Every change is in the audit log with the
 * fields it touched, before and after for status and consents. Coordinators create and publish
 * events only in the communes they cover.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAttendance } from '../../cms/services/checkin'
import { seatOf } from '../../cms/services/seat-store'
import { seatedEvent } from '../../cms/services/registrations'
import { sendDueNotices } from '../../cms/services/signup-notices'
import { staffWorld } from './staff-fixtures'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('staff writes, field by field', () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
  })
  afterAll(async () => {
    await payload.delete({ collection: 'email-outbox', where: { to: { like: '@writes.example.vn' } } })
    await world.cleanup()
  })

  const stored = (id: number | string) => payload.findByID({ collection: 'registrations', id, depth: 0, showHiddenFields: true })

  it.each(['coordinator', 'admin'] as const)('a %s cannot replace consents, guardian, child, event, attendance, status or timestamps through REST; the note is kept and logged', async (who) => {
    const event = await world.place.makeEvent({ capacity: 5 })
    const other = await world.place.makeEvent({ capacity: 5 })
    const [reg] = await world.signUpChildren(event.id, [{ photoConsent: true }], { email: `guardian@writes.example.vn` })
    if (!reg) throw new Error('no registration')
    const before = await stored(reg.id)
    const entries = (await world.auditOf(who)).length
    const res = await world.api(who, 'PATCH', `/registrations/${reg.id}`, {
      consents: [{ purpose: 'photo', grantedBy: 'guardian', wordingVersion: 'v9', grantedAt: '2020-01-01T00:00:00.000Z' }],
      guardian: { name: 'Kẻ Lạ', relationship: 'guardian', email: 'stranger@evil.example' },
      child: { familyName: 'Khác', givenName: 'Tên', birthDate: '2010-01-01' },
      event: other.id,
      attendance: [{ session: 1, at: '2031-07-01T00:00:00.000Z' }],
      status: 'attended',
      waitlistedAt: '2020-01-01T00:00:00.000Z',
      cancelledAt: '2020-01-01T00:00:00.000Z',
      createdAt: '2000-01-01T00:00:00.000Z',
      priorityCheck: { verifiedAt: '2020-01-01T00:00:00.000Z' },
      reference: 'AAAAAAAAAA',
      staffNote: `Gọi lại cho mẹ (${who})`,
    })
    expect(res.status).toBe(200)
    const after = await stored(reg.id)
    const { staffNote, updatedAt: _u, ...rest } = after
    const { staffNote: _n, updatedAt: _v, ...was } = before
    expect(rest).toEqual(was)
    expect(staffNote).toBe(`Gọi lại cho mẹ (${who})`)
    const logged = (await world.auditOf(who)).slice(entries)
    expect(logged.map((e) => [e.action, e.fields])).toEqual([['update', ['staffNote']]])
  })

  it('an editor or another province’s coordinator cannot even write the note', async () => {
    const event = await world.place.makeEvent({ capacity: 5 })
    const [reg] = await world.signUpChildren(event.id, [{}])
    expect((await world.api('editor', 'PATCH', `/registrations/${reg?.id}`, { staffNote: 'x' })).status).toBe(403)
    expect((await world.api('outsider', 'PATCH', `/registrations/${reg?.id}`, { staffNote: 'x' })).status).toBe(403)
    expect((await stored(reg?.id ?? 0)).staffNote ?? null).toBeNull()
  })

  it('cancelling, checking in and a family withdrawing a consent log the fields touched, with status and consents before and after', async () => {
    const event = await world.place.makeEvent({ capacity: 1, sessions: [{ date: '2031-07-01', start: '07:30', end: '09:00' }] })
    const [seated, waiting] = await world.signUpChildren(event.id, [{}, {}])
    if (!seated || !waiting) throw new Error('no registrations')
    const entries = (await world.auditOf('coordinator')).length
    const cancel = await world.api('coordinator', 'POST', `/registrations/${seated.id}/cancel`)
    expect(cancel.status).toBe(200)
    const req = await world.reqAs('coordinator')
    await recordAttendance(payload, req, { registrationId: waiting.id, session: 1 })
    const [cancelled, checkedIn] = (await world.auditOf('coordinator')).slice(entries)
    expect(cancelled?.fields).toEqual(expect.arrayContaining(['status', 'consents', 'cancelledAt']))
    expect(cancelled?.changes).toMatchObject({
      status: { before: 'confirmed', after: 'cancelled' },
      consents: {
        before: [expect.not.objectContaining({ withdrawnAt: expect.any(String) }), expect.anything()],
        after: [expect.objectContaining({ endReason: 'sign-up-cancelled' }), expect.objectContaining({ endReason: 'sign-up-cancelled' })],
      },
    })
    expect(checkedIn).toMatchObject({ action: 'check-in', fields: ['attendance', 'status'], changes: { status: { before: 'confirmed', after: 'attended' } } })
  })

  it('marks a no-show only for a child who holds a seat and came to no session', async () => {
    const event = await world.place.makeEvent({ capacity: 1, sessions: [{ date: '2031-07-01', start: '07:30', end: '09:00' }] })
    const [seated, waiting] = await world.signUpChildren(event.id, [{}, {}])
    expect((await world.api('coordinator', 'POST', `/registrations/${waiting?.id}/no-show`)).status).toBe(409)
    const ok = await world.api('coordinator', 'POST', `/registrations/${seated?.id}/no-show`)
    expect(await ok.json()).toEqual({ marked: true })
    expect(await (await world.api('coordinator', 'POST', `/registrations/${seated?.id}/no-show`)).json()).toEqual({ marked: false })
    expect((await stored(seated?.id ?? 0)).status).toBe('no-show')
  })

  it('verifies a priority seat, or releases it: the child is placed again by sign-up time, the reserved seat goes to the next priority child, the family is told', async () => {
    const event = await world.place.makeEvent({ capacity: 2, reservedSeats: 1, eligibility: { minAge: 6, maxAge: 15, priorityGroups: ['poor'] } })
    const email = `priority-${unique('p')}@writes.example.vn`
    const [claimedPoor, open, laterPoor, plain] = await world.signUpChildren(
      event.id,
      [{ priorityGroup: 'poor' }, {}, { priorityGroup: 'poor' }, {}],
      { email },
    )
    if (!claimedPoor || !open || !laterPoor || !plain) throw new Error('no registrations')
    expect([claimedPoor, open, laterPoor, plain].map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    const seated = await seatedEvent(payload, event.id)
    expect(await seatOf(payload, seated, claimedPoor.id)).toEqual({ number: 2, reserved: true })
    const seat = await (await world.api('coordinator', 'GET', `/registrations/${claimedPoor.id}/seat`)).json()
    expect(seat).toMatchObject({ seat: 2, reserved: true, canVerify: true, canRelease: true })
    // an open seat needs no check
    expect((await world.api('coordinator', 'POST', `/registrations/${open.id}/verify-priority`)).status).toBe(409)
    expect((await world.api('outsider', 'POST', `/registrations/${claimedPoor.id}/release-priority`)).status).toBe(403)

    await sendDueNotices(payload, { eventId: event.id })
    const released = await world.api('coordinator', 'POST', `/registrations/${claimedPoor.id}/release-priority`)
    expect(await released.json()).toEqual({ released: true, status: 'waitlisted', seat: null, position: 1 })
    // the reserved seat went to the next priority child; the released child waits first in line (it signed up first)
    expect(await seatOf(payload, seated, laterPoor.id)).toEqual({ number: 2, reserved: true })
    const waitingNow = await payload.find({ collection: 'registrations', where: { and: [{ event: { equals: event.id } }, { status: { equals: 'waitlisted' } }] }, sort: ['waitlistedAt', 'id'], depth: 0 })
    expect(waitingNow.docs.map((r) => r.id)).toEqual([claimedPoor.id, plain.id])
    expect((await world.api('coordinator', 'POST', `/registrations/${claimedPoor.id}/release-priority`)).status).toBe(409)
    // verifying the next one: it stands
    expect(await (await world.api('coordinator', 'POST', `/registrations/${laterPoor.id}/verify-priority`)).json()).toEqual({ verified: true })
    expect(await (await world.api('coordinator', 'POST', `/registrations/${laterPoor.id}/verify-priority`)).json()).toEqual({ verified: false })

    await sendDueNotices(payload, { eventId: event.id })
    const mail = await payload.find({ collection: 'email-outbox', where: { to: { equals: email } }, sort: 'createdAt', depth: 0 })
    expect(mail.docs.map((m) => m.subject.split(':')[0])).toEqual(['Kết quả đăng ký / Sign-up result', 'Thay đổi về chỗ / A change to your seat', 'Đã có chỗ / You have a seat'])
    const log = (await world.auditOf('coordinator')).filter((e) => /priority/.test(e.summary ?? ''))
    expect(log.map((e) => [e.summary?.split(' ').slice(0, 2).join(' '), e.fields])).toEqual([
      ['priority released', expect.arrayContaining(['priorityCheck', 'status', 'waitlistedAt'])],
      ['priority verified', ['priorityCheck']],
    ])
  })

  it('a coordinator creates and publishes events only in the communes they cover', async () => {
    const data = (area: number | string, slug: string) => ({
      title: 'Lớp bơi',
      slug,
      kind: 'swim-class',
      venue: 'Hồ bơi',
      area,
      sessions: [{ date: '2031-07-01', start: '07:30', end: '09:00' }],
      capacity: 10,
      consent: { guardian: 'Đồng ý.', childAssent: 'Em đồng ý.' },
      organiser: { name: 'UBND xã' },
      _status: 'published',
    })
    const elsewhere = await world.api('coordinator', 'POST', '/events', data(world.elsewhere.commune.id, unique('ngoai')))
    expect(elsewhere.status).toBe(403)
    expect(JSON.stringify(await elsewhere.json())).toContain('phụ trách')
    const mine = await world.api('coordinator', 'POST', '/events', data(world.place.commune.id, unique('cua-toi')))
    expect(mine.status).toBe(201)
    const { doc } = (await mine.json()) as { doc: { id: number } }
    expect((await world.api('coordinator', 'PATCH', `/events/${doc.id}`, { area: world.elsewhere.commune.id })).status).toBe(403)
    expect((await payload.findByID({ collection: 'events', id: doc.id, depth: 0 })).area).toBe(world.place.commune.id)
    const byAdmin = await world.api('admin', 'POST', '/events', data(world.elsewhere.commune.id, unique('admin')))
    expect(byAdmin.status).toBe(201)
    const made = [doc.id, ((await byAdmin.json()) as { doc: { id: number } }).doc.id]
    await payload.delete({ collection: 'events', where: { id: { in: made } } })
  })
})
