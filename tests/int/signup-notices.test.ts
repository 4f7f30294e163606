/**
 * Emails about sign-ups, on a real database and through the real outbox: one confirmation per
 * submission (with a manage link per child and a check-in QR code per seat), nothing more on a
 * retry, one email to the family whose child moves up from the waitlist, one reminder before
 * the first session, and a sweeper that finishes what a crash left undone.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manageLink } from '../../cms/email/signup'
import { checkInUrl } from '../../cms/services/checkin'
import { cancelRegistration, hashToken, signUp, type ChildInput, type SignUpInput } from '../../cms/services/registrations'
import { runSignUpChores, sendDueNotices, sendDueReminders, SETTLE_MS } from '../../cms/services/signup-notices'
import { env } from '../../cms/env'
import { makePlace } from './fixtures'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('sign-up emails', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
  })
  afterAll(async () => {
    await place.cleanup()
    // the mail these tests queued (to unique @example.vn addresses), so no other test meets it
    await payload.delete({ collection: 'email-outbox', where: { to: { like: '@example.vn' } } })
  })

  const child = (name: string, extra: Partial<ChildInput> = {}): ChildInput => ({ familyName: 'Lê Thị', givenName: name, birthDate: '2021-03-02', assent: true, photoConsent: false, ...extra })
  const request = (eventId: number | string, children: ChildInput[], email = `${unique('me')}@example.vn`): SignUpInput => ({
    eventId,
    idempotencyKey: unique('submission-key'),
    submittedBy: 'guardian',
    guardian: { name: 'Lê Văn Bình', relationship: 'father', email },
    guardianConsent: true,
    children,
  })
  const mailTo = async (to: string) =>
    (await payload.find({ collection: 'email-outbox', where: { to: { equals: to } }, sort: 'createdAt', limit: 0, pagination: false, depth: 0 })).docs

  it('queues one confirmation per submission with a manage link per child and a QR code per seat, and nothing more on a retry', async () => {
    const event = await place.makeEvent({ capacity: 1, title: 'Lớp bơi thử thư' })
    const req = request(event.id, [child('An'), child('Bình')])
    const first = await signUp(payload, req)
    expect(first.outcomes.map((o) => o.status)).toEqual(['confirmed', 'waitlisted'])
    expect(await sendDueNotices(payload, { submissionId: req.idempotencyKey })).toBe(2)

    // the same form sent again: same outcomes, no second email
    await signUp(payload, req)
    expect(await sendDueNotices(payload, { submissionId: req.idempotencyKey })).toBe(0)
    const mails = await mailTo(req.guardian.email ?? '')
    expect(mails).toHaveLength(1)
    const mail = mails[0]
    expect(mail?.subject).toContain('Lớp bơi thử thư')
    const serverURL = env().serverURL
    for (const token of first.manageTokens.values()) {
      expect(mail?.html).toContain(manageLink(serverURL, 'vi', token))
      expect(mail?.html).toContain(manageLink(serverURL, 'en', token))
    }
    expect(mail?.html).toContain('Lê Thị An')
    expect(mail?.html).toMatch(/số 1/)
    expect(mail?.html).toMatch(/vị trí 1/)
    // one QR code, for the child with a seat, pointing at the staff check-in page
    const attachments = mail?.attachments as { cid: string; content: string; contentType: string }[]
    expect(attachments).toHaveLength(1)
    const confirmed = first.outcomes[0]
    if (confirmed?.status !== 'confirmed') throw new Error('expected a seat')
    expect(attachments[0]?.cid).toBe(`qr-${confirmed.reference}@check-in`)
    expect(Buffer.from(attachments[0]?.content ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG')
    expect(checkInUrl(serverURL, confirmed.reference)).toBe(`${serverURL}/admin/check-in?ref=${confirmed.reference}`)
    // tokens are stored only hashed
    const stored = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, depth: 0, limit: 10 })
    const hashes = stored.docs.map((d) => d.manageTokenHash)
    for (const token of first.manageTokens.values()) {
      expect(hashes).toContain(hashToken(token))
      expect(JSON.stringify(stored.docs)).not.toContain(token)
    }
  })

  it('emails the family of the waitlisted child who gets the seat freed by a cancellation, once', async () => {
    const event = await place.makeEvent({ capacity: 1 })
    const a = request(event.id, [child('Cúc')])
    const b = request(event.id, [child('Dũng')])
    const first = await signUp(payload, a)
    await signUp(payload, b)
    await sendDueNotices(payload, { eventId: event.id })
    const seatHolder = await payload.find({ collection: 'registrations', where: { submissionId: { equals: a.idempotencyKey } }, depth: 0 })
    expect(first.outcomes[0]?.status).toBe('confirmed')
    const promoted = await cancelRegistration(payload, seatHolder.docs[0]?.id ?? 0)
    expect(promoted).toHaveLength(1)
    expect(await sendDueNotices(payload, { eventId: event.id })).toBe(1)
    expect(await sendDueNotices(payload, { eventId: event.id })).toBe(0)
    const mails = await mailTo(b.guardian.email ?? '')
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['Kết quả đăng ký / Sign-up result', 'Đã có chỗ / You have a seat'])
    expect(mails[1]?.html).toContain('Dũng')
    // the family that cancelled gets nothing more
    expect(await mailTo(a.guardian.email ?? '')).toHaveLength(1)
  })

  it('sends nothing more when a crash came between queuing the confirmation and marking it, and confirms a child stored after it on its own', async () => {
    const event = await place.makeEvent({ capacity: 3 })
    const req = request(event.id, [child('Khoa'), child('Lan')])
    await signUp(payload, req)
    await sendDueNotices(payload, { submissionId: req.idempotencyKey })
    const regs = await payload.find({ collection: 'registrations', where: { submissionId: { equals: req.idempotencyKey } }, depth: 0 })
    // what a crash right after the confirmation was queued leaves behind: the marks are missing
    for (const reg of regs.docs) await payload.db.updateOne({ collection: 'registrations', id: reg.id, data: { confirmationQueuedAt: null } })
    expect(await sendDueNotices(payload, { submissionId: req.idempotencyKey })).toBe(2)
    expect((await mailTo(req.guardian.email ?? '')).map((m) => m.subject.split(':')[0])).toEqual(['Kết quả đăng ký / Sign-up result'])

    // the family sends the form again with a third child the crash kept from being stored
    await signUp(payload, { ...req, children: [child('Khoa'), child('Lan'), child('Minh')] })
    expect(await sendDueNotices(payload, { submissionId: req.idempotencyKey })).toBe(1)
    const mails = await mailTo(req.guardian.email ?? '')
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['Kết quả đăng ký / Sign-up result', 'Kết quả đăng ký / Sign-up result'])
    expect(mails[1]?.html).toContain('Minh')
    expect(mails[1]?.html).not.toContain('Khoa')
    expect(await sendDueNotices(payload, { submissionId: req.idempotencyKey })).toBe(0)
  })

  it('sends one reminder per submission inside the reminder window, and none before it', async () => {
    const event = await place.makeEvent({ capacity: 5, reminderDaysBefore: 2, sessions: [{ date: '2031-09-10', start: '08:00', end: '09:30' }] })
    const req = request(event.id, [child('Em'), child('Giang')])
    await signUp(payload, req)
    expect(await sendDueReminders(payload, new Date('2031-09-07T12:00:00+07:00'))).toBe(0)
    expect(await sendDueReminders(payload, new Date('2031-09-08T08:00:00+07:00'))).toBe(2)
    expect(await sendDueReminders(payload, new Date('2031-09-09T08:00:00+07:00'))).toBe(0)
    const reminders = (await mailTo(req.guardian.email ?? '')).filter((m) => m.subject.startsWith('Nhắc lịch'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.html).toContain('Em')
    expect(reminders[0]?.html).toContain('Giang')
  })

  it('finishes a sign-up a crash left pending and queues its confirmation, only once it has settled', async () => {
    const event = await place.makeEvent({ capacity: 2 })
    const req = request(event.id, [child('Hà')])
    // what a crash right after storing the registration leaves behind
    await payload.create({
      collection: 'registrations',
      data: {
        reference: unique('REF').slice(0, 10).toUpperCase(),
        event: event.id,
        status: 'pending',
        child: { familyName: 'Lê Thị', givenName: 'Hà', birthDate: '2021-03-02' },
        guardian: { name: 'Lê Văn Bình', relationship: 'father', email: req.guardian.email },
        submittedBy: 'guardian',
        submissionId: req.idempotencyKey,
        consents: [{ purpose: 'participation', grantedBy: 'guardian', wordingVersion: 'v1', grantedAt: new Date().toISOString() }],
        idempotencyKey: `${req.idempotencyKey}:0`,
        childKey: unique('child-key'),
      },
    })
    const now = new Date()
    expect((await runSignUpChores(payload, now)).finished).toBe(0) // too fresh: may still be in progress
    const later = new Date(now.getTime() + SETTLE_MS + 1000)
    const first = await runSignUpChores(payload, later)
    expect(first.finished).toBe(1)
    const placed = await payload.find({ collection: 'registrations', where: { submissionId: { equals: req.idempotencyKey } }, depth: 0 })
    expect(placed.docs[0]?.status).toBe('confirmed')
    // its confirmation goes out once it has settled too
    await runSignUpChores(payload, new Date(Date.now() + 2 * SETTLE_MS))
    await runSignUpChores(payload, new Date(Date.now() + 3 * SETTLE_MS))
    expect(await mailTo(req.guardian.email ?? '')).toHaveLength(1)
  })
})
