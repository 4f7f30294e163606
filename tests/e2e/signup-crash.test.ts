/**
 * kill -9 in the middle of a burst of sign-ups. The server is killed while sign-ups are being
 * answered, started again on the same database, and the families whose sign-up got no answer
 * send it again (what a person does). Then: every sign-up that was answered is there as it was
 * answered, no registration lacks its consent records or is left half-done, no seat is held twice,
 * and every family gets its confirmation email exactly once.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueFormToken, signUpFormOf } from '../../cms/services/form-guard'
import { freePort } from '../helpers/ports'
import { type RunningServer, startServer } from '../helpers/server'
import { createSmtp, type TestSmtp } from '../helpers/smtp'
import { adminToken, api, createOpenEvent, postSignUp, signUpBody, TEST_SECRET, type Outcome } from '../helpers/signup'

type Reg = { id: number; status: string; submissionId: string; consents?: { purpose: string; grantedBy: string }[]; reference: string }

describe('a crash during a burst of sign-ups', () => {
  let dir: string
  let smtp: TestSmtp
  const servers: RunningServer[] = []
  const envFor = (smtpPort: number) => ({
    DATABASE_URL: `file:${path.join(dir, 'crash.db')}`,
    PAYLOAD_SECRET: TEST_SECRET,
    TRUST_PROXY: '1',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
  })

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpc-crash-'))
    smtp = createSmtp(await freePort())
    await smtp.start()
  })
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => undefined)
    await smtp?.stop()
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('loses no answered sign-up, leaves none half-done or without consents, and sends each confirmation once', async () => {
    // first life: mail cannot be delivered yet (nothing listens on that port), so every email is still queued at the crash
    const first = await startServer({ env: envFor(await freePort()) })
    servers.push(first)
    const admin = await adminToken(first.url)
    const event = await createOpenEvent(first.url, admin, { capacity: 30 })

    // a form sent back the moment it was rendered is dropped (the timing rule, with the default 3 s)
    const tooFast = await postSignUp(first.url, event.slug, signUpBody(event.id, [{ familyName: 'Vội', givenName: 'Vàng', birthDate: '2016-01-01' }], { formToken: issueFormToken(TEST_SECRET, signUpFormOf(event.id)) }), { 'x-forwarded-for': '192.0.2.99' })
    expect(tooFast.status).toBe(400)
    expect(tooFast.html).toContain('Biểu mẫu được gửi quá nhanh')

    const submissions = Array.from({ length: 80 }, (_, i) => ({
      email: `gia-dinh-${i}@example.vn`,
      body: signUpBody(
        event.id,
        Array.from({ length: 1 + (i % 2) }, (_, j) => ({ familyName: `Gia đình ${i}`, givenName: `Con ${j}`, birthDate: '2016-03-03' })),
        { 'guardian.email': `gia-dinh-${i}@example.vn` },
      ),
      answer: null as Outcome[] | null,
    }))
    let answered = 0
    let killed = false
    await Promise.all(
      submissions.map(async (s, i) => {
        try {
          const res = await postSignUp(first.url, event.slug, s.body, { 'x-forwarded-for': `10.1.${i}.1` })
          if (res.status === 200 && res.outcomes.length) s.answer = res.outcomes
        } catch {
          // the connection died with the server: no answer
        }
        answered++
        if (answered === 20 && !killed) {
          killed = true
          first.child.kill('SIGKILL')
        }
      }),
    )
    const acknowledged = submissions.filter((s) => s.answer)
    const unanswered = submissions.filter((s) => !s.answer)
    process.stdout.write(`[crash] ${acknowledged.length} sign-ups answered before kill -9, ${unanswered.length} not\n`)
    expect(acknowledged.length).toBeGreaterThanOrEqual(19)
    expect(unanswered.length).toBeGreaterThan(0)

    // second life, same database, mail deliverable
    const second = await startServer({ env: envFor(smtp.port) })
    servers.push(second)
    const admin2 = await adminToken(second.url)
    const before = (await api<{ docs: Reg[] }>(second.url, admin2, `/registrations?where[event][equals]=${event.id}&limit=0&depth=0`)).docs.sort((a, b) => a.id - b.id)
    const unansweredKeys = new Set(unanswered.map((s) => s.body.get('idempotencyKey')))
    const leftOver = before.filter((r) => unansweredKeys.has(r.submissionId))
    process.stdout.write(`[crash] after the restart: ${leftOver.length} registrations of unanswered sign-ups (${leftOver.filter((r) => r.status === 'pending').length} pending) before the families retry\n`)
    for (const [i, s] of unanswered.entries()) {
      s.body.set('formToken', issueFormToken(TEST_SECRET, signUpFormOf(event.id), new Date(Date.now() - 10_000)))
      const res = await postSignUp(second.url, event.slug, s.body, { 'x-forwarded-for': `10.2.${i}.1` })
      expect(res.status).toBe(200)
      s.answer = res.outcomes
    }

    const regs = (await api<{ docs: Reg[] }>(second.url, admin2, `/registrations?where[event][equals]=${event.id}&limit=0&depth=0`)).docs.sort((a, b) => a.id - b.id)
    // every answered sign-up is stored as it was answered
    for (const s of acknowledged) {
      const key = s.body.get('idempotencyKey')
      const mine = regs.filter((r) => r.submissionId === key)
      expect(mine.map((r) => r.status)).toEqual(s.answer?.map((o) => o.status))
    }
    // nothing half-done, nothing without its consents, no seat twice
    expect(regs.filter((r) => r.status === 'pending')).toEqual([])
    expect(regs.filter((r) => !r.consents?.some((c) => c.purpose === 'participation' && c.grantedBy === 'guardian'))).toEqual([])
    expect(regs).toHaveLength(submissions.reduce((n, s) => n + (s.answer?.length ?? 0), 0))
    const seats = (await api<{ docs: { number: number; claimant: string }[] }>(second.url, admin2, `/claims?where[pool][equals]=events:${event.id}:open&limit=0&depth=0`)).docs
    expect(new Set(seats.map((d) => d.number)).size).toBe(seats.length)
    expect(new Set(seats.map((d) => d.claimant)).size).toBe(seats.length)
    expect(seats.length).toBe(30)
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(30)

    // one confirmation per family, delivered once
    for (const s of submissions) await smtp.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === s.email, 60_000)
    const perRecipient = new Map<string, number>()
    for (const m of smtp.messages) {
      const to = m.to && 'text' in m.to ? m.to.text : ''
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1)
    }
    expect([...perRecipient.values()].filter((n) => n !== 1)).toEqual([])
    expect(perRecipient.size).toBe(80)
  })
})
