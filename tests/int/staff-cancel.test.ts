/**
 * Cancelling in the admin: through the cancel action the seat is freed, the first waitlisted
 * child gets it and their family an email, and the audit log says who did it; a coordinator of
 * another province cannot; and nobody hands out a seat by typing a status (it is read-only).
 */
import { claimantOf, seatPoolKeys } from '../../cms/services/seats'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDueNotices } from '../../cms/services/signup-notices'
import { staffWorld } from './staff-fixtures'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('cancelling in the admin', () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
  })
  afterAll(() => world.cleanup())

  it('frees the seat, gives it to the first child waiting (with an email) and logs who did it', async () => {
    const event = await world.place.makeEvent({ capacity: 1 })
    const [holder] = await world.signUpChildren(event.id, [{}])
    const waitingEmail = `${unique('cho')}@example.vn`
    const [waiting] = await world.signUpChildren(event.id, [{}], { email: waitingEmail })
    expect([holder?.status, waiting?.status]).toEqual(['confirmed', 'waitlisted'])
    await sendDueNotices(payload, { eventId: event.id }) // as the public form does after a sign-up

    const outsider = await world.api('outsider', 'POST', `/registrations/${holder?.id}/cancel`)
    expect(outsider.status).toBe(403)
    const res = await world.api('coordinator', 'POST', `/registrations/${holder?.id}/cancel`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ cancelled: true, promoted: 1 })
    // a second click changes nothing
    expect(await (await world.api('coordinator', 'POST', `/registrations/${holder?.id}/cancel`)).json()).toEqual({ cancelled: false, promoted: 0 })

    const after = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, sort: 'createdAt', depth: 0 })
    expect(after.docs.map((r) => r.status)).toEqual(['cancelled', 'confirmed'])
    const seats = await payload.find({ collection: 'claims', where: { pool: { in: Object.values(seatPoolKeys(event.id)) } }, depth: 0 })
    expect(seats.docs.map((s) => [s.number, s.claimant])).toEqual([[1, claimantOf(waiting?.id ?? 0)]])
    const mail = await payload.find({ collection: 'email-outbox', where: { to: { equals: waitingEmail } }, sort: 'createdAt', depth: 0 })
    expect(mail.docs.map((m) => m.subject.split(':')[0])).toEqual(['Kết quả đăng ký / Sign-up result', 'Đã có chỗ / You have a seat'])
    const log = await payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'update' } }, { event: { equals: event.id } }] }, depth: 0 })
    expect(log.docs.map((e) => [e.user, e.summary])).toContainEqual([world.users.coordinator.id, `cancelled ${holder?.reference}`])
    await payload.delete({ collection: 'email-outbox', where: { to: { equals: waitingEmail } } })
  })

  it('a status typed by staff hands out and takes away nothing: the status is changed only by the operations', async () => {
    const event = await world.place.makeEvent({ capacity: 1 })
    const [seated] = await world.signUpChildren(event.id, [{}])
    const [waiting] = await world.signUpChildren(event.id, [{}])
    for (const status of ['confirmed', 'cancelled', 'pending', 'no-show', 'attended']) {
      const res = await world.api('coordinator', 'PATCH', `/registrations/${waiting?.id}`, { status })
      expect(res.status, status).toBe(200)
      expect((await payload.findByID({ collection: 'registrations', id: waiting?.id ?? 0, depth: 0 })).status, status).toBe('waitlisted')
    }
    const seats = await payload.find({ collection: 'claims', where: { pool: { in: Object.values(seatPoolKeys(event.id)) } }, depth: 0 })
    expect(seats.docs.map((s) => s.claimant)).toEqual([claimantOf(seated?.id ?? 0)])
  })
})
