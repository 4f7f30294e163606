/**
 * The server's background work (cms/services/background.ts) on a real database and a real SMTP
 * server: its table of jobs, mail queued while it runs delivered without being asked, stop()
 * waiting for the delivery under way; and a burst of messages delivered over pooled
 * connections, each exactly once.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../helpers/ports'
import { createSmtp, type TestSmtp } from '../helpers/smtp'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('background work', () => {
  let payload: Payload
  let smtp: TestSmtp

  beforeAll(async () => {
    smtp = createSmtp(await freePort())
    await smtp.start()
    process.env.SMTP_HOST = '127.0.0.1'
    process.env.SMTP_PORT = String(smtp.port)
    payload = await testPayload()
  })
  afterAll(async () => {
    await smtp.stop()
  })

  const rows = async (subjects: string[]) => (await payload.find({ collection: 'email-outbox', where: { subject: { in: subjects } }, limit: 0, pagination: false, depth: 0 })).docs

  it('lists its jobs, delivers what is queued while it runs, and stop() waits for the delivery under way', async () => {
    const [{ startBackground }, { env }, { enqueueEmail }] = await Promise.all([import('../../cms/services/background'), import('../../cms/env'), import('../../cms/services/email/outbox')])
    const logged: string[] = []
    const background = await startBackground(payload, env(), { log: (m) => logged.push(m) })
    expect(background.jobs).toEqual([
      'email delivery: at start, on event +100 ms, every 15 s, after quiet',
      'queuing sign-up notices: at start +1200 ms, on event +1200 ms, after quiet',
      'donor emails: at start, on event +200 ms, every 60 s, after quiet',
      'password resets: on event, after quiet',
      'sign-up chores: at start, every 60 s',
      'scheduled publishing: every 60 s',
    ])
    const subject = unique('Thư nền')
    await enqueueEmail(payload, { to: 'nen@test.vn', subject, text: 'x' })
    await smtp.waitFor((m) => m.subject === subject)
    await background.stop()
    // accepted by the server, then marked before stop() returned
    expect((await rows([subject]))[0]).toMatchObject({ status: 'sent', attempts: 1 })
    expect(logged.filter((m) => m.includes('failed'))).toEqual([])
  })

  it('delivers a burst of messages over pooled connections, each exactly once', async () => {
    const [{ deliverOutbox }, { env }, { enqueueEmails, filledBatch }] = await Promise.all([import('../../cms/email/adapter'), import('../../cms/env'), import('../../cms/services/email/outbox')])
    const subjects = Array.from({ length: 60 }, (_, i) => unique(`Loạt ${i}`))
    const emails = subjects.map((subject) => ({ to: 'loat@test.vn', subject, text: subject, dedupeKey: `burst:${subject}` }))
    // the same message twice in one call, and again later: stored once
    const queued = await enqueueEmails(payload, [...emails, emails[0] ?? emails[1]!])
    expect(queued.filter((q) => q.created)).toHaveLength(60)
    expect((await enqueueEmails(payload, emails.slice(0, 5))).map((q) => q.created)).toEqual([false, false, false, false, false])
    for (let run = await deliverOutbox(payload, env()); filledBatch(run); run = await deliverOutbox(payload, env()));
    await Promise.all(subjects.map((s) => smtp.waitFor((m) => m.subject === s)))
    for (const s of subjects) expect(smtp.messages.filter((m) => m.subject === s)).toHaveLength(1)
    expect((await rows(subjects)).map((r) => r.status)).toEqual(subjects.map(() => 'sent'))
  })
})
