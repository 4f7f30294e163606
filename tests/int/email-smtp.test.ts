/**
 * Email through a real SMTP server on loopback: queued in the outbox, nothing lost while SMTP is
 * down, nothing sent twice, and the staff password reset arriving with a link that works.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../helpers/ports'
import { createSmtp, type TestSmtp } from '../helpers/smtp'
import { makeStaff, setAsideQueuedMail, skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('email over SMTP', () => {
  let payload: Payload
  let smtp: TestSmtp
  let deliver: (now?: Date) => Promise<{ sent: number; retried: number; failed: number }>

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    process.env.SMTP_HOST = '127.0.0.1'
    process.env.SMTP_PORT = String(smtp.port)
    payload = await testPayload()
    await setAsideQueuedMail(payload)
    const [{ deliverOutbox }, { env }] = await Promise.all([import('../../cms/email/adapter'), import('../../cms/env')])
    deliver = (now) => deliverOutbox(payload, env(), now)
  })
  afterAll(async () => {
    await smtp.stop()
  })

  const received = (subject: string) => smtp.messages.filter((m) => m.subject === subject)
  const outboxRow = async (subject: string) => (await payload.find({ collection: 'email-outbox', where: { subject: { equals: subject } } })).docs

  it('keeps a message while SMTP is down and sends it exactly once when it is back', async () => {
    const { enqueueEmail } = await import('../../cms/services/email/outbox')
    const subject = unique('Thư thử')
    const dedupeKey = unique('key')
    const first = await enqueueEmail(payload, { to: 'phu-huynh@test.vn', subject, html: '<p>Xin chào</p>', dedupeKey })
    expect(first.created).toBe(true)

    // SMTP is down: the attempt fails, the message waits for a retry
    // (figures are at least: other test files may have left mail in this database's outbox)
    expect((await deliver()).retried).toBeGreaterThanOrEqual(1)
    const [waiting] = await outboxRow(subject)
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 })
    expect(waiting?.lastError).toBeTruthy()

    // the same message enqueued again (a retried request) is not stored twice
    expect(await enqueueEmail(payload, { to: 'phu-huynh@test.vn', subject, html: '<p>Xin chào</p>', dedupeKey })).toEqual({ id: first.id, created: false })

    // not due yet: nothing is attempted
    await smtp.start()
    await deliver()
    expect((await outboxRow(subject))[0]).toMatchObject({ status: 'queued', attempts: 1 })
    expect(received(subject)).toHaveLength(0)

    // due: sent once
    const later = new Date(Date.now() + 10 * 60_000)
    expect((await deliver(later)).sent).toBeGreaterThanOrEqual(1)
    const mail = await smtp.waitFor((m) => m.subject === subject)
    expect(mail.html).toContain('Xin chào')
    expect(mail.messageId).toMatch(/^<outbox-/)

    // and never again
    await deliver(new Date(Date.now() + 60 * 60_000))
    expect(received(subject)).toHaveLength(1)
    expect((await outboxRow(subject))[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('marks a message failed after the last attempt, for staff to see', async () => {
    const { enqueueEmail, MAX_ATTEMPTS } = await import('../../cms/services/email/outbox')
    await smtp.stop()
    const subject = unique('Không gửi được')
    await enqueueEmail(payload, { to: 'x@test.vn', subject, text: 'x' })
    let now = Date.now()
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliver(new Date(now))
      now += 2 * 60 * 60_000
    }
    expect((await outboxRow(subject))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
    await smtp.start()
    await deliver(new Date(now))
    expect(received(subject)).toHaveLength(0)
  })

  it('sends a staff password reset whose link sets a new password', async () => {
    const user = await makeStaff(payload, ['editor'])
    await payload.forgotPassword({ collection: 'users', data: { email: user.email } })
    await deliver()
    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(user.email))
    expect(mail.subject).toBe('Đặt lại mật khẩu / Reset your password')
    const link = /http:\/\/127\.0\.0\.1:3999\/admin\/reset\/([\w%.-]+)/.exec(mail.html || '')
    expect(link).not.toBeNull()
    const token = decodeURIComponent(link?.[1] ?? '')
    await payload.resetPassword({ collection: 'users', data: { token, password: 'mat-khau-moi-2026' }, overrideAccess: true })
    const login = await payload.login({ collection: 'users', data: { email: user.email, password: 'mat-khau-moi-2026' } })
    expect(login.user?.id).toBe(user.id)
    await payload.delete({ collection: 'users', id: user.id })
  })
})
