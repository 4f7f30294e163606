/** Without SMTP settings, sent messages become .eml files that admins can download. */
import fs from 'node:fs/promises'
import path from 'node:path'
import { handleEndpoints, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeStaff, setAsideQueuedMail, skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('email without SMTP', () => {
  let payload: Payload

  beforeAll(async () => {
    delete process.env.SMTP_HOST
    payload = await testPayload()
    await setAsideQueuedMail(payload)
  })

  it('writes each sent message as an .eml file and records it in the outbox', async () => {
    const [{ deliverOutbox }, { env }] = await Promise.all([import('../../cms/email/adapter'), import('../../cms/env')])
    const subject = unique('Thư lưu tệp')
    await payload.sendEmail({ to: 'phu-huynh@test.vn', subject, html: '<p>Nội dung thư</p>' })
    expect(await deliverOutbox(payload, env())).toMatchObject({ sent: 1 })
    const [row] = (await payload.find({ collection: 'email-outbox', where: { subject: { equals: subject } } })).docs
    expect(row).toMatchObject({ status: 'sent', emlFile: `${row?.id}.eml` })
    const eml = await fs.readFile(path.join(env().mail.dir, row?.emlFile ?? ''), 'utf8')
    expect(eml).toContain('To: phu-huynh@test.vn')
    expect(eml).toMatch(/Subject: /)
    expect(eml).toContain(`Message-ID: <outbox-${row?.id}@`)
  })
})

describe.skipIf(skipReason)('what the outbox keeps', () => {
  let payload: Payload

  beforeAll(async () => {
    delete process.env.SMTP_HOST
    payload = await testPayload()
  })

  it('keeps a delivered message’s body (its links) only for the retention period, then who, what and when; a queued one keeps it', async () => {
    const [{ deliverOutbox, purgeOutbox }, { env }] = await Promise.all([import('../../cms/email/adapter'), import('../../cms/env')])
    const appEnv = env()
    expect(appEnv.mail.retentionDays).toBe(30)
    const subject = unique('Thư có đường dẫn')
    await payload.sendEmail({ to: 'giu-lai@test.vn', subject, html: '<p>https://treem.example.vn/quan-ly/bi-mat/</p>', text: 'https://treem.example.vn/quan-ly/bi-mat/' })
    await deliverOutbox(payload, appEnv)
    const queuedSubject = unique('Thư chưa gửi')
    await payload.create({ collection: 'email-outbox', data: { to: 'chua-gui@test.vn', subject: queuedSubject, html: '<p>chờ</p>', status: 'queued', nextAttemptAt: '2999-01-01T00:00:00.000Z' } })
    const [sent] = (await payload.find({ collection: 'email-outbox', where: { subject: { equals: subject } } })).docs
    const file = path.join(appEnv.mail.dir, sent?.emlFile ?? 'missing.eml')
    await fs.access(file)

    // 29 days later nothing goes; 31 days later the body and the .eml copy are gone
    const day = 24 * 3600 * 1000
    expect(await purgeOutbox(payload, appEnv, new Date(Date.now() + 29 * day))).toBe(0)
    expect(await purgeOutbox(payload, appEnv, new Date(Date.now() + 31 * day))).toBeGreaterThanOrEqual(1)
    const after = await payload.findByID({ collection: 'email-outbox', id: sent?.id ?? 0 })
    expect(after).toMatchObject({ to: 'giu-lai@test.vn', subject, status: 'sent', html: null, text: null, emlFile: null })
    expect(after.purgedAt).toEqual(expect.any(String))
    await expect(fs.access(file)).rejects.toThrow()
    const queued = (await payload.find({ collection: 'email-outbox', where: { subject: { equals: queuedSubject } } })).docs[0]
    expect(queued?.html).toBe('<p>chờ</p>')
    // run again: nothing more to do
    expect(await purgeOutbox(payload, appEnv, new Date(Date.now() + 31 * day))).toBe(0)
    await payload.delete({ collection: 'email-outbox', where: { subject: { in: [subject, queuedSubject] } } })
  })

  it('logs every staff read of the outbox, and the download of a stored message', async () => {
    const [{ deliverOutbox }, { env }] = await Promise.all([import('../../cms/email/adapter'), import('../../cms/env')])
    const admin = await makeStaff(payload, ['admin'])
    const subject = unique('Thư đã đọc')
    await payload.sendEmail({ to: 'doc@test.vn', subject, html: '<p>x</p>' })
    await deliverOutbox(payload, env())
    const [row] = (await payload.find({ collection: 'email-outbox', where: { subject: { equals: subject } } })).docs
    const asAdmin = async (path: string) => {
      const login = await payload.login({ collection: 'users', data: { email: admin.email, password: 'test-password-123' } })
      return handleEndpoints({ config: payload.config, request: new Request(`${payload.config.serverURL}/api${path}`, { headers: { authorization: `JWT ${login.token}` } }) })
    }
    expect((await asAdmin(`/email-outbox?where[subject][equals]=${encodeURIComponent(subject)}`)).status).toBe(200)
    expect((await asAdmin(`/email-outbox/${row?.id}/eml`)).status).toBe(200)
    const log = await payload.find({ collection: 'audit-log', where: { user: { equals: admin.id } }, sort: 'createdAt', depth: 0 })
    expect(log.docs.map((e) => [e.action, e.resource, e.documentIds])).toEqual([
      ['read-list', 'email-outbox', [row?.id]],
      ['read-one', 'email-outbox', [row?.id]],
    ])
    expect(log.docs[1]?.summary).toContain('downloaded')
    await payload.db.deleteMany({ collection: 'audit-log', where: { user: { equals: admin.id } } })
    await payload.delete({ collection: 'users', id: admin.id })
  })
})
