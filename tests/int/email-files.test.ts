/** Without SMTP settings, sent messages become .eml files that admins can download. */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('email without SMTP', () => {
  let payload: Payload

  beforeAll(async () => {
    delete process.env.SMTP_HOST
    payload = await testPayload()
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
