/**
 * Emailing an event's registrants: one message per distinct guardian address among the chosen
 * groups, queued in the outbox (never sent directly), staff text escaped inside the shared
 * frame, nothing queued twice when the form is sent again, scope enforced, bad input refused
 * with a message, and the action logged. Also the dashboard's seats overview, counted from seats.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seatsOverview } from '../../cms/services/dashboard'
import { vietnamDay } from '../../cms/services/staff'
import { staffWorld } from './staff-fixtures'
import { skipReason, testPayload } from './payload'

describe.skipIf(skipReason)('emails to registrants and the seats overview', () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>
  const keys: string[] = []

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
  })
  afterAll(async () => {
    await payload.delete({ collection: 'email-outbox', where: { dedupeKey: { like: 'broadcast:' } } })
    await world.cleanup()
  })

  const outbox = async (eventId: number | string) => {
    const res = await payload.find({ collection: 'email-outbox', where: { dedupeKey: { like: `broadcast:${eventId}:` } }, limit: 0, pagination: false, depth: 0, sort: 'to' })
    keys.push(...res.docs.map((d) => d.dedupeKey ?? ''))
    return res.docs
  }

  it('queues one message per distinct guardian address of the chosen groups, once', async () => {
    const event = await world.place.makeEvent({ capacity: 2, organiser: { name: 'UBND xã', email: 'ubnd@example.vn' } })
    // One parent with two children (both seated), one waiting, one without email.
    await world.signUpChildren(event.id, [{}, {}], { email: 'Me.Lan@Example.vn' })
    await world.signUpChildren(event.id, [{}], { email: 'cho@example.vn' })
    await world.signUpChildren(event.id, [{ givenName: 'Khoa' }], {})
    const form = { event: event.id, subject: 'Đổi giờ học', message: 'Buổi 2 bắt đầu lúc 8:00.\n\n<b>Mang</b> nước uống & khăn.', groups: ['confirmed'] }

    const first = await world.api('coordinator', 'POST', '/registrations/email-registrants', form)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ recipients: 1, queued: 1, alreadyQueued: 0 })
    const [mail] = await outbox(event.id)
    expect([mail?.to, mail?.subject, mail?.status, mail?.replyTo]).toEqual(['me.lan@example.vn', 'Đổi giờ học', 'queued', 'ubnd@example.vn'])
    expect(mail?.html).toContain('<p>Buổi 2 bắt đầu lúc 8:00.</p>')
    expect(mail?.html).toContain('&lt;b&gt;Mang&lt;/b&gt; nước uống &amp; khăn.')
    expect(mail?.html).toContain('111')
    expect(mail?.html).not.toContain('<b>Mang</b>')

    // The same form again, now also to the waitlist: only the new address gets it.
    const again = await world.api('coordinator', 'POST', '/registrations/email-registrants', { ...form, groups: ['confirmed', 'waitlisted'] })
    expect(await again.json()).toEqual({ recipients: 2, queued: 1, alreadyQueued: 1 })
    expect((await outbox(event.id)).map((m) => m.to)).toEqual(['cho@example.vn', 'me.lan@example.vn'])

    const entries = (await world.auditOf('coordinator')).filter((e) => e.action === 'email-registrants' && e.event === event.id)
    expect(entries).toHaveLength(2)
    expect(entries[0]?.count).toBe(2) // the two children behind the one address
  })

  it('refuses other areas, other roles and bad input, queuing nothing', async () => {
    const event = await world.place.makeEvent({ capacity: 2 })
    await world.signUpChildren(event.id, [{}], { email: 'a@example.vn' })
    const form = { event: event.id, subject: 'Thông báo', message: 'Nội dung', groups: ['confirmed'] }
    expect((await world.api('outsider', 'POST', '/registrations/email-registrants', form)).status).toBe(403)
    expect((await world.api('editor', 'POST', '/registrations/email-registrants', form)).status).toBe(403)
    const bad = await world.api('admin', 'POST', '/registrations/email-registrants', { ...form, subject: 'Xin chào\r\nBcc: x@y.z', groups: [] })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ error: 'Dữ liệu không hợp lệ: subject, groups' })
    expect(await outbox(event.id)).toEqual([])
  })

  it('the seats overview counts seats taken and the waitlist per current event, for the user’s areas only', async () => {
    const today = vietnamDay(new Date())
    const current = await world.place.makeEvent({ capacity: 2, title: 'Lớp đang học', sessions: [{ date: today, start: '07:00', end: '08:00' }] })
    await world.place.makeEvent({ capacity: 2, title: 'Lớp đã xong', sessions: [{ date: '2020-01-01', start: '07:00', end: '08:00' }] })
    const elsewhere = await world.elsewhere.makeEvent({ capacity: 4 })
    await world.signUpChildren(current.id, [{}, {}, {}])
    await world.signUpChildren(elsewhere.id, [{}])

    const rowsFor = async (who: 'coordinator' | 'outsider' | 'admin' | 'editor') => seatsOverview(payload, await createLocalReq({ user: world.users[who] }, payload), 'vi')
    const mine = await rowsFor('coordinator')
    expect(mine?.find((r) => r.id === current.id)).toMatchObject({ title: 'Lớp đang học', capacity: 2, taken: 2, waitlisted: 1, firstDay: today, lastDay: today })
    expect(mine?.map((r) => r.title)).not.toContain('Lớp đã xong')
    expect(mine?.map((r) => r.id)).not.toContain(elsewhere.id)
    expect((await rowsFor('outsider'))?.find((r) => r.id === elsewhere.id)).toMatchObject({ taken: 1, waitlisted: 0, capacity: 4 })
    expect((await rowsFor('admin'))?.map((r) => r.id)).toEqual(expect.arrayContaining([current.id, elsewhere.id]))
    expect(await rowsFor('editor')).toBeNull()
  })
})
