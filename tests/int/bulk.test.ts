/**
 * cms/services/bulk.ts: one UPDATE for many documents on the SQL adapters is an optimisation of
 * writing them one by one through the adapter. Both ways run here on twin documents, and what
 * they stored must be the same; a value that is not plain is refused before anything is written.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('bulk bookkeeping writes', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await testPayload()
  })

  const stored = async (subjects: string[]) =>
    (await payload.find({ collection: 'email-outbox', where: { subject: { in: subjects } }, sort: 'subject', limit: 0, pagination: false, depth: 0 })).docs

  /** The same queued messages twice over: `a:` for one way, `b:` for the other. */
  async function twins(n: number): Promise<{ a: (string | number)[]; b: (string | number)[]; subjects: string[] }> {
    const { enqueueEmails } = await import('../../cms/services/email/outbox')
    const base = Array.from({ length: n }, (_, i) => unique(`Sổ sách ${i}`))
    const a = await enqueueEmails(payload, base.map((s) => ({ to: 'so-sach@test.vn', subject: `a:${s}`, text: 'Nội dung' })))
    const b = await enqueueEmails(payload, base.map((s) => ({ to: 'so-sach@test.vn', subject: `b:${s}`, text: 'Nội dung' })))
    return { a: a.map((r) => r.id), b: b.map((r) => r.id), subjects: [...base.map((s) => `a:${s}`), ...base.map((s) => `b:${s}`)] }
  }

  it('stores the same as writing each document through the adapter', async () => {
    const { updateMany } = await import('../../cms/services/bulk')
    const { a, b, subjects } = await twins(5)
    const change = { status: 'sending', attempts: 3, leaseUntil: '2031-01-02T03:04:05.678Z', lastError: null, updatedAt: '2031-01-02T03:04:05.000Z' }
    await updateMany(payload, 'email-outbox', a.slice(0, 3), change)
    await updateMany(payload, 'email-outbox', b.slice(0, 3), change, { oneByOne: true })
    const docs = await stored(subjects)
    const view = (prefix: string) =>
      docs
        .filter((d) => d.subject.startsWith(prefix))
        .map(({ status, attempts, leaseUntil, lastError, updatedAt, subject }) => ({
          status,
          attempts,
          leaseUntil,
          lastError,
          // the untouched twins were stored a moment apart
          updatedAt: status === 'sending' ? updatedAt : 'untouched',
          subject: subject.slice(2),
        }))
    expect(view('a:')).toEqual(view('b:'))
    // the three chosen changed, the other two did not
    expect(view('a:').map((d) => d.status)).toEqual(['sending', 'sending', 'sending', 'queued', 'queued'])
    expect(view('a:')[0]).toMatchObject({ attempts: 3, leaseUntil: '2031-01-02T03:04:05.678Z', updatedAt: '2031-01-02T03:04:05.000Z' })
  })

  it('refuses a value that is not plain, before writing anything, both ways', async () => {
    const { updateMany } = await import('../../cms/services/bulk')
    const { a, subjects } = await twins(2)
    for (const oneByOne of [false, true]) {
      await expect(updateMany(payload, 'email-outbox', a, { status: 'sent', lastError: "x'; DELETE FROM email_outbox; --" }, { oneByOne })).rejects.toThrow(/plain value/)
    }
    await expect(updateMany(payload, 'email-outbox', a, { 'status = 1; --': 'sent' })).rejects.toThrow(/column name|plain value/)
    expect((await stored(subjects)).filter((d) => d.subject.startsWith('a:')).map((d) => d.status)).toEqual(['queued', 'queued'])
  })
})
