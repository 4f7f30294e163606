/**
 * Bank reconciliation on a real database: a transfer whose note carries a pledge reference
 * (however the banking app mangled it) records one receipt and moves the pledge on; the same
 * transaction arriving again (retried, at once, after a crash, or from the statement after
 * SePay) records nothing twice; money out is kept aside; what matches no pledge waits for an
 * officer, who assigns it; the statement preview records nothing and its import records once.
 * Then over HTTP, through Payload's REST handler: SePay's webhook with the right key, a wrong
 * or missing key, a bad body and no key configured; the officer's assign and statement upload.
 */
import { createPayloadRequest, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sepayWebhook } from '../../cms/collections/BankTransfers/endpoints'
import type { Drive } from '../../cms/payload-types'
import { ZSepayNotification, toIncomingTransfer, type TSepayNotificationInput } from '../../cms/schemas/sepay'
import { receiveTransfer, transferKey, transferRecordKey } from '../../cms/services/bank-matching'
import type { IncomingTransfer } from '../../cms/services/bank-transfer'
import { endPledge, pledge } from '../../cms/services/pledges'
import { recordReceipt } from '../../cms/services/receipts'
import { makeStaff, skipReason, testPayload, unique } from './payload'

// The webhook's key, in the environment before Payload reads it (cms/env.ts reads it once).
const { SEPAY_KEY } = vi.hoisted(() => {
  const SEPAY_KEY = 'test-sepay-key-7f3a9c2e41'
  process.env.SEPAY_API_KEY = SEPAY_KEY
  return { SEPAY_KEY }
})

type Id = number | string
const ACCOUNT = '0071001234567'

describe.skipIf(skipReason)('bank transfers: notifications, matching and reconciliation', () => {
  let payload: Payload
  const drives: Id[] = []
  const transferIds = new Set<Id>()
  const users: Id[] = []
  let fund: { id: Id; email: string }
  let editor: { id: Id; email: string }
  const tokens = new Map<Id, string>()

  beforeAll(async () => {
    payload = await testPayload()
    fund = await makeStaff(payload, ['fund'])
    editor = await makeStaff(payload, ['editor'])
    users.push(fund.id, editor.id)
  })

  afterAll(async () => {
    const pledges = drives.length ? await payload.find({ collection: 'pledges', where: { drive: { in: drives } }, limit: 0, pagination: false, depth: 0 }) : { docs: [] }
    const pledgeIds = pledges.docs.map((p) => p.id)
    const mine = await payload.find({ collection: 'bank-transfers', where: { or: [{ id: { in: [...transferIds] } }, ...(pledgeIds.length ? [{ pledge: { in: pledgeIds } }] : [])] }, limit: 0, pagination: false, depth: 0 })
    // receipts are never deleted through Payload: a test removes its own at the adapter
    if (pledgeIds.length) await payload.db.deleteMany({ collection: 'donation-receipts', where: { pledge: { in: pledgeIds } } })
    if (mine.docs.length) await payload.db.deleteMany({ collection: 'bank-transfers', where: { id: { in: mine.docs.map((d) => d.id) } } })
    if (pledgeIds.length) await payload.delete({ collection: 'pledges', where: { id: { in: pledgeIds } }, overrideAccess: true })
    if (drives.length) await payload.delete({ collection: 'drives', where: { id: { in: drives } }, overrideAccess: true })
    await payload.db.deleteMany({ collection: 'audit-log', where: { user: { in: users } } })
    await payload.delete({ collection: 'users', where: { id: { in: users } } })
  })

  async function makeDrive(extra: Partial<Drive> = {}): Promise<Drive> {
    const drive = await payload.create({
      collection: 'drives',
      draft: false,
      data: {
        title: unique('Trung thu'),
        slug: unique('trung-thu'),
        kind: 'mid-autumn',
        startsOn: '2026-01-01T00:00:00.000Z',
        moneyGoal: 100_000_000,
        account: { bankBin: '970436', bankName: 'Vietcombank', accountNumber: ACCOUNT, accountName: 'QUY BAO TRO TRE EM' },
        _status: 'published',
        ...extra,
      },
    })
    drives.push(drive.id)
    return drive
  }

  /** A pledge of money through the public service; returns its id and reference. */
  async function makePledge(amount: number, drive?: Drive): Promise<{ id: Id; reference: string; code: string }> {
    const d = drive ?? (await makeDrive())
    const p = await pledge(payload, {
      driveId: d.id,
      idempotencyKey: unique('k').replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x'),
      donor: { kind: 'person', name: 'Nguyễn Văn An', email: 'an@example.vn' },
      listed: true,
      amount,
      items: [],
    })
    if (p.kind !== 'accepted') throw new Error(`pledge not accepted: ${p.kind}`)
    return { id: p.id, reference: p.reference, code: p.reference.slice(3) }
  }

  let sepayId = 900_000_000 + Math.floor(Math.random() * 50_000_000)
  /** A SePay notification body (as SePay posts it), with a fresh transaction id. */
  const notification = (over: Partial<TSepayNotificationInput> = {}): TSepayNotificationInput => ({
    id: ++sepayId,
    gateway: 'Vietcombank',
    transactionDate: '2026-09-20 14:02:37',
    accountNumber: ACCOUNT,
    code: null,
    content: 'ung ho',
    transferType: 'in',
    transferAmount: 500_000,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: `MBVCB.${sepayId}`,
    description: '',
    ...over,
  })
  const incoming = (body: TSepayNotificationInput): IncomingTransfer => toIncomingTransfer(ZSepayNotification.parse(body))
  const receive = async (t: IncomingTransfer) => {
    const r = await receiveTransfer(payload, t)
    transferIds.add(r.transferId)
    return r
  }
  const receiptsOf = async (pledgeId: Id) => (await payload.find({ collection: 'donation-receipts', where: { pledge: { equals: pledgeId } }, sort: 'sequence', limit: 0, pagination: false, depth: 0 })).docs
  const transfersWithKey = async (key: string) => (await payload.find({ collection: 'bank-transfers', where: { key: { equals: key } }, limit: 0, pagination: false, depth: 0 })).docs
  const pledgeDoc = (id: Id) => payload.findByID({ collection: 'pledges', id, depth: 0 })

  it('a mangled reference in the note still finds the pledge: one receipt per transfer, partly received then received', async () => {
    const p = await makePledge(1_000_000)
    const first = await receive(incoming(notification({ content: `tt ${p.code.toLowerCase()} ung ho`, transferAmount: 400_000 })))
    expect(first).toMatchObject({ status: 'matched', pledgeId: p.id, duplicate: false })
    expect(await pledgeDoc(p.id)).toMatchObject({ status: 'partly-received', receivedAmount: 400_000 })

    const second = await receive(incoming(notification({ content: `MBVCB.3278907687.TT${p.code}.CT tu NGUYEN VAN AN`, transferAmount: 600_000 })))
    expect(second).toMatchObject({ status: 'matched', pledgeId: p.id, duplicate: false })
    expect(await pledgeDoc(p.id)).toMatchObject({ status: 'received', receivedAmount: 1_000_000 })

    const receipts = await receiptsOf(p.id)
    expect(receipts.map((r) => [r.amount, r.source, r.transfer])).toEqual([
      [400_000, 'bank-transfer', first.transferId],
      [600_000, 'bank-transfer', second.transferId],
    ])
    // the receipt is dated the day the bank booked it, in Vietnam
    expect(receipts[0]?.receivedOn.slice(0, 10)).toBe('2026-09-20')
    const stored = await payload.findByID({ collection: 'bank-transfers', id: first.transferId, depth: 0 })
    expect(stored).toMatchObject({ status: 'matched', pledge: p.id, receipt: receipts[0]?.id, direction: 'in', amount: 400_000, reason: null })
  })

  it('the same notification twice, then five at once: one transfer, one receipt', async () => {
    const p = await makePledge(2_000_000)
    const body = notification({ content: `${p.reference} ung ho trung thu`, transferAmount: 300_000 })
    const once = await receive(incoming(body))
    const again = await receive(incoming(body))
    expect([once.duplicate, again.duplicate]).toEqual([false, true])
    expect(again).toMatchObject({ status: 'matched', transferId: once.transferId, receiptId: once.receiptId })

    const burst = notification({ content: `${p.reference}`, transferAmount: 200_000 })
    const results = await Promise.all(Array.from({ length: 5 }, () => receive(incoming(burst))))
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.transferId)).size).toBe(1)
    expect(new Set(results.map((r) => r.receiptId)).size).toBe(1)

    expect(await transfersWithKey(`sepay:${body.id}`)).toHaveLength(1)
    expect(await transfersWithKey(`sepay:${burst.id}`)).toHaveLength(1)
    expect((await receiptsOf(p.id)).map((r) => r.amount)).toEqual([300_000, 200_000])
    expect(await pledgeDoc(p.id)).toMatchObject({ status: 'partly-received', receivedAmount: 500_000 })
  })

  it('a second arrival finishes what a crash left undone, without recording twice', async () => {
    const p = await makePledge(900_000)
    // crashed after storing the transfer, before matching it
    const stored = incoming(notification({ content: p.reference, transferAmount: 100_000 }))
    const row = await payload.create({
      collection: 'bank-transfers',
      data: { key: transferKey(stored), source: 'sepay', bookedAt: stored.bookedAt, amount: stored.amount, direction: 'in', note: stored.note, accountNumber: ACCOUNT, bankReference: stored.bankReference, status: 'unmatched' },
    })
    transferIds.add(row.id)
    const finished = await receive(stored)
    expect(finished).toMatchObject({ status: 'matched', transferId: row.id, pledgeId: p.id, duplicate: true })

    // crashed after recording the receipt, before marking the transfer matched
    const half = incoming(notification({ content: p.reference, transferAmount: 200_000 }))
    const halfRow = await payload.create({
      collection: 'bank-transfers',
      data: { key: transferKey(half), source: 'sepay', bookedAt: half.bookedAt, amount: half.amount, direction: 'in', note: half.note, accountNumber: ACCOUNT, bankReference: half.bankReference, status: 'unmatched' },
    })
    transferIds.add(halfRow.id)
    const early = await recordReceipt(payload, { pledgeId: p.id, amount: 200_000, source: 'bank-transfer', transferId: halfRow.id, recordKey: transferRecordKey(transferKey(half)) })
    const done = await receive(half)
    expect(done).toMatchObject({ status: 'matched', receiptId: early.receipt.id, duplicate: true })
    expect((await receiptsOf(p.id)).map((r) => r.amount)).toEqual([100_000, 200_000])
  })

  it('money going out is kept as ignored and records nothing', async () => {
    const p = await makePledge(500_000)
    const out = await receive(incoming(notification({ transferType: 'out', content: `hoan tien ${p.reference}`, transferAmount: 500_000 })))
    expect(out).toMatchObject({ status: 'ignored', duplicate: false })
    expect(out.receiptId).toBeUndefined()
    expect(await receiptsOf(p.id)).toHaveLength(0)
    expect(await payload.findByID({ collection: 'bank-transfers', id: out.transferId, depth: 0 })).toMatchObject({ status: 'ignored', direction: 'out', pledge: null })
  })

  it('a note with no known reference stays unmatched (with why) until an officer assigns it; the assignment is audited', async () => {
    const p = await makePledge(700_000)
    const none = await receive(incoming(notification({ content: 'NGUYEN VAN AN chuyen tien', transferAmount: 700_000 })))
    expect(none).toMatchObject({ status: 'unmatched', reason: 'no-reference' })
    // a well-formed reference that is no pledge's (the donor mistyped one character)
    const unknown = await receive(incoming(notification({ content: 'TT-ZZ99Z ung ho' })))
    expect(unknown).toMatchObject({ status: 'unmatched', reason: 'unknown-reference' })
    expect(await receiptsOf(p.id)).toHaveLength(0)

    // an editor may not; the fund officer types the reference in any dress
    expect((await api(editor, 'POST', `/bank-transfers/${none.transferId}/assign`, { reference: p.reference })).status).toBe(403)
    const missing = await api(fund, 'POST', `/bank-transfers/${none.transferId}/assign`, { reference: 'TT-ZZ99Z' })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: 'Không có cam kết nào mang mã TT-ZZ99Z.' })
    const res = await api(fund, 'POST', `/bank-transfers/${none.transferId}/assign`, { reference: ` tt ${p.code.toLowerCase()} ` })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 'matched', pledgeId: p.id, pledgeReference: p.reference })
    expect(String(body.receiptNumber)).toMatch(/^\d{4}-\d{6}$/)

    const receipts = await receiptsOf(p.id)
    expect(receipts.map((r) => [r.amount, r.source, r.recordedBy, r.transfer])).toEqual([[700_000, 'bank-transfer', fund.id, none.transferId]])
    expect(await pledgeDoc(p.id)).toMatchObject({ status: 'received' })
    expect(await payload.findByID({ collection: 'bank-transfers', id: none.transferId, depth: 0 })).toMatchObject({ status: 'matched', reason: null, pledge: p.id, receipt: receipts[0]?.id })

    // twice is refused, in English when asked, and records nothing more
    const twice = await api(fund, 'POST', `/bank-transfers/${none.transferId}/assign`, { reference: p.reference }, { 'accept-language': 'en' })
    expect(twice.status).toBe(409)
    expect(await receiptsOf(p.id)).toHaveLength(1)
    const log = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: fund.id } }, { action: { equals: 'assign-transfer' } }] }, limit: 0, pagination: false, depth: 0 })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]?.resource).toBe('bank-transfers')
    expect(JSON.stringify(log.docs[0]?.documentIds)).toContain(String(none.transferId))
    expect(log.docs[0]?.summary).toContain(p.reference)
  })

  it('a transfer for a cancelled pledge stays unmatched (pledge-ended), naming the pledge; an officer cannot assign it there either', async () => {
    const p = await makePledge(300_000)
    await endPledge(payload, p.id, 'cancelled')
    const r = await receive(incoming(notification({ content: `${p.reference} ung ho` })))
    expect(r).toMatchObject({ status: 'unmatched', reason: 'pledge-ended', pledgeId: p.id })
    expect(await payload.findByID({ collection: 'bank-transfers', id: r.transferId, depth: 0 })).toMatchObject({ status: 'unmatched', reason: 'pledge-ended', pledge: p.id, receipt: null })
    expect(await receiptsOf(p.id)).toHaveLength(0)
    const other = await makePledge(300_000)
    await endPledge(payload, other.id, 'lapsed')
    const res = await api(fund, 'POST', `/bank-transfers/${r.transferId}/assign`, { reference: other.reference })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({ error: `Cam kết ${other.reference} đã huỷ hoặc hết hạn: không ghi nhận được.` })
    expect([...(await receiptsOf(p.id)), ...(await receiptsOf(other.id))]).toHaveLength(0)
    // the refused choice changed nothing on the transfer
    expect(await payload.findByID({ collection: 'bank-transfers', id: r.transferId, depth: 0 })).toMatchObject({ status: 'unmatched', reason: 'pledge-ended', pledge: p.id })
  })

  it('two pledges in one note are ambiguous; money paid into another account than the drive’s waits too', async () => {
    const drive = await makeDrive()
    const [a, b] = [await makePledge(100_000, drive), await makePledge(100_000, drive)]
    const both = await receive(incoming(notification({ content: `${a.reference} va ${b.reference}` })))
    expect(both).toMatchObject({ status: 'unmatched', reason: 'ambiguous' })
    const elsewhere = await receive(incoming(notification({ content: a.reference, accountNumber: '9999999999' })))
    expect(elsewhere).toMatchObject({ status: 'unmatched', reason: 'account-mismatch', pledgeId: a.id })
    expect([...(await receiptsOf(a.id)), ...(await receiptsOf(b.id))]).toHaveLength(0)
  })

  describe('bank statements', () => {
    const csv = (lines: string[]) => ['Số tài khoản: ' + ACCOUNT, '', 'Ngày giao dịch,Số tiền,Nội dung,Số tham chiếu', ...lines, ',,Tổng cộng,'].join('\n')

    it('the preview records nothing; the import records each line once; importing again (or an overlapping statement) records nothing more', async () => {
      const p = await makePledge(5_000_000)
      const q = await makePledge(1_000_000)
      const stamp = unique('x').slice(-6)
      // the same bank movement already came through SePay: the statement's line is that transfer
      const viaSepay = await receive(incoming(notification({ content: `${q.reference} ${stamp}`, transferAmount: 1_000_000, referenceCode: `FT26263${stamp}` })))
      expect(viaSepay.status).toBe('matched')

      const file = csv([
        `20/09/2026 10:00,1000000,ung ho ${p.reference.toLowerCase()} ${stamp},FT26263A${stamp}`,
        `20/09/2026 11:00,250000,chuyen tien ${stamp},FT26263B${stamp}`,
        `20/09/2026 12:00,-11000,Phi SMS ${stamp},FT26263C${stamp}`,
        `20/09/2026 13:00,1000000,${q.reference} ${stamp},FT26263${stamp}`,
      ])
      const before = await payload.count({ collection: 'bank-transfers' })
      const preview = await upload(fund, 'preview', file)
      expect(preview.status).toBe(200)
      const report = (await preview.json()) as StatementResponse
      expect(report.rows.map((r) => [r.amount, r.outcome, r.pledgeReference, r.reason])).toEqual([
        [1_000_000, 'new-matched', p.reference, null],
        [250_000, 'new-unmatched', null, 'no-reference'],
        [1_000_000, 'recorded-before', q.reference, null],
      ])
      expect(report.skipped.map((s) => s.reason).join(' | ')).toMatch(/money out \(11000 đ\)/)
      expect(report.skipped.length).toBeGreaterThanOrEqual(2)
      expect(report.totals).toEqual({ rows: 3, recordedBefore: 1, matched: 1, unmatched: 1, matchedAmount: 1_000_000 })
      // nothing recorded by the preview
      expect((await payload.count({ collection: 'bank-transfers' })).totalDocs).toBe(before.totalDocs)
      expect(await receiptsOf(p.id)).toHaveLength(0)

      const imported = await upload(fund, 'import', file)
      expect(imported.status).toBe(200)
      const done = (await imported.json()) as StatementResponse
      for (const r of done.rows) if (r.result) transferIds.add(r.result.transferId)
      expect(done.rows.map((r) => [r.result?.status, r.result?.duplicate])).toEqual([
        ['matched', false],
        ['unmatched', false],
        ['matched', true],
      ])
      expect(done.rows[0]?.result?.receiptNumber).toMatch(/^\d{4}-\d{6}$/)
      // three new rows: the gift, the unmatched line, the fee kept as ignored
      expect((await payload.count({ collection: 'bank-transfers' })).totalDocs).toBe(before.totalDocs + 3)
      const receipts = await receiptsOf(p.id)
      expect(receipts.map((r) => [r.amount, r.source])).toEqual([[1_000_000, 'statement']])
      expect(await receiptsOf(q.id)).toHaveLength(1)
      expect(await pledgeDoc(p.id)).toMatchObject({ status: 'partly-received', receivedAmount: 1_000_000 })

      const again = await upload(fund, 'import', file)
      const second = (await again.json()) as StatementResponse
      expect(second.rows.every((r) => r.result?.duplicate === true)).toBe(true)
      // an overlapping statement: the shared lines are recorded before, the new one is new
      const overlap = csv([`20/09/2026 10:00,1000000,ung ho ${p.reference.toLowerCase()} ${stamp},FT26263A${stamp}`, `21/09/2026 09:00,2000000,${p.reference} ${stamp},FT26264D${stamp}`])
      const third = (await (await upload(fund, 'import', overlap)).json()) as StatementResponse
      for (const r of third.rows) if (r.result) transferIds.add(r.result.transferId)
      expect(third.rows.map((r) => r.result?.duplicate)).toEqual([true, false])
      expect((await payload.count({ collection: 'bank-transfers' })).totalDocs).toBe(before.totalDocs + 4)
      expect((await receiptsOf(p.id)).map((r) => r.amount)).toEqual([1_000_000, 2_000_000])
      const log = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: fund.id } }, { action: { equals: 'import-statement' } }] }, limit: 0, pagination: false, depth: 0 })
      expect(log.docs).toHaveLength(3)
    })

    it('only fund officers and admins upload; an unreadable or missing file gets a translated message', async () => {
      const file = csv(['20/09/2026 10:00,1000000,TT-7K3QX,FT1'])
      expect((await upload(editor, 'preview', file)).status).toBe(403)
      expect((await upload(null, 'preview', file)).status).toBe(401)
      const garbage = await upload(fund, 'preview', '%PDF-1.7 not a statement', 'sao-ke.pdf')
      expect(garbage.status).toBe(400)
      expect(((await garbage.json()) as { error: string }).error).toMatch(/^Không đọc được tệp sao kê/)
      const huge = await upload(fund, 'preview', file + '\n' + 'x'.repeat(5 * 1024 * 1024))
      expect(huge.status).toBe(413)
      expect(((await huge.json()) as { error: string }).error).toBe('Tệp sao kê quá lớn: tối đa 5 MB.')
      const bad = await upload(fund, 'delete', file)
      expect(bad.status).toBe(400)
      const none = await handleEndpoints({ config: payload.config, request: new Request(`${payload.config.serverURL}/api/bank-transfers/statement?mode=preview`, { method: 'POST', headers: { authorization: `JWT ${await tokenOf(fund)}`, 'accept-language': 'en' }, body: new FormData() }) })
      expect(none.status).toBe(400)
      expect(await none.json()).toEqual({ error: 'Choose a statement file (XLSX or CSV).' })
    })
  })

  describe('the SePay webhook over HTTP', () => {
    const post = (body: unknown, headers: Record<string, string>) =>
      handleEndpoints({
        config: payload.config,
        request: new Request(`${payload.config.serverURL}/api/bank-transfers/sepay`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
      })

    it('the right key: 200 {success:true}, stored and matched — without a staff session, from any origin, also when sent again', async () => {
      const p = await makePledge(800_000)
      const body = notification({ content: `CK ${p.reference}`, transferAmount: 800_000 })
      const res = await post(body, { authorization: `Apikey ${SEPAY_KEY}`, origin: 'https://my.sepay.vn' })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ success: true })
      const rows = await transfersWithKey(`sepay:${body.id}`)
      rows.forEach((r) => transferIds.add(r.id))
      expect(rows.map((r) => [r.status, r.pledge, r.amount])).toEqual([['matched', p.id, 800_000]])
      const retry = await post(body, { authorization: `apikey   ${SEPAY_KEY} ` })
      expect([retry.status, await retry.json()]).toEqual([200, { success: true }])
      expect(await transfersWithKey(`sepay:${body.id}`)).toHaveLength(1)
      expect(await receiptsOf(p.id)).toHaveLength(1)
      // an unmatched transfer and money out are answered the same (SePay must not retry them)
      const unmatched = notification({ content: 'khong co ma' })
      expect((await post(unmatched, { authorization: `Apikey ${SEPAY_KEY}` })).status).toBe(200)
      const out = notification({ transferType: 'out' })
      expect((await post(out, { authorization: `Apikey ${SEPAY_KEY}` })).status).toBe(200)
      for (const key of [`sepay:${unmatched.id}`, `sepay:${out.id}`]) (await transfersWithKey(key)).forEach((r) => transferIds.add(r.id))
      expect((await transfersWithKey(`sepay:${out.id}`)).map((r) => r.status)).toEqual(['ignored'])
    })

    it('a wrong or missing key: 401 {success:false}, nothing recorded', async () => {
      const p = await makePledge(800_000)
      const attempts: Record<string, string>[] = [{ authorization: 'Apikey wrong-key' }, { authorization: `Bearer ${SEPAY_KEY}` }, {}]
      for (const headers of attempts) {
        const body = notification({ content: p.reference })
        const res = await post(body, headers)
        expect(res.status).toBe(401)
        expect(await res.json()).toEqual({ success: false })
        expect(await transfersWithKey(`sepay:${body.id}`)).toHaveLength(0)
      }
      expect(await receiptsOf(p.id)).toHaveLength(0)
    })

    it('a body that is not a notification: 400 with the issues, nothing recorded', async () => {
      const body = { ...notification(), transferAmount: -5, transferType: 'sideways' }
      const res = await post(body, { authorization: `Apikey ${SEPAY_KEY}` })
      expect(res.status).toBe(400)
      const answer = (await res.json()) as { success: boolean; issues: { path: string[]; message: string }[] }
      expect(answer.success).toBe(false)
      expect(answer.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([
        ['transferAmount', 'invalid-amount'],
        ['transferType', 'invalid-transfer-type'],
      ])
      expect(await transfersWithKey(`sepay:${body.id}`)).toHaveLength(0)
      const notJson = await post('{"id": 1,', { authorization: `Apikey ${SEPAY_KEY}` })
      expect(notJson.status).toBe(400)
    })

    it('no SEPAY_API_KEY configured: 503 with a clear error, nothing recorded', async () => {
      const body = notification({ content: 'TT-7K3QX' })
      const request = new Request(`${payload.config.serverURL}/api/bank-transfers/sepay`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Apikey ' }, body: JSON.stringify(body) })
      const req = await createPayloadRequest({ config: payload.config, request })
      const res = await sepayWebhook(() => null)(req)
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ success: false, error: expect.stringContaining('SEPAY_API_KEY') })
      expect(await transfersWithKey(`sepay:${body.id}`)).toHaveLength(0)
    })

    it('opens nothing else: the public can neither list nor create bank transfers', async () => {
      const list = await handleEndpoints({ config: payload.config, request: new Request(`${payload.config.serverURL}/api/bank-transfers`, { headers: { authorization: `Apikey ${SEPAY_KEY}` } }) })
      expect(list.status).toBe(403)
      const create = await post({ key: 'sepay:1', source: 'sepay', status: 'matched' }, { authorization: `Apikey ${SEPAY_KEY}` })
      // that path is the webhook: the body is refused as a notification
      expect(create.status).toBe(400)
      const direct = await handleEndpoints({
        config: payload.config,
        request: new Request(`${payload.config.serverURL}/api/bank-transfers`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Apikey ${SEPAY_KEY}` }, body: JSON.stringify({ key: 'x', source: 'sepay', bookedAt: '2026-01-01', amount: 1, direction: 'in', status: 'matched' }) }),
      })
      expect(direct.status).toBe(403)
    })
  })

  type StatementResponse = {
    rows: { amount: number; outcome: string; pledgeReference: string | null; reason: string | null; result?: { status: string; transferId: Id; receiptNumber: string | null; duplicate: boolean } }[]
    skipped: { reason: string }[]
    totals: Record<string, number>
  }

  async function tokenOf(user: { id: Id; email: string }): Promise<string> {
    let token = tokens.get(user.id)
    if (!token) {
      const login = await payload.login({ collection: 'users', data: { email: user.email, password: 'test-password-123' } })
      token = login.token ?? ''
      tokens.set(user.id, token)
    }
    return token
  }

  async function api(user: { id: Id; email: string } | null, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h = new Headers(headers)
    if (user) h.set('authorization', `JWT ${await tokenOf(user)}`)
    if (body !== undefined) h.set('content-type', 'application/json')
    return handleEndpoints({ config: payload.config, request: new Request(`${payload.config.serverURL}/api${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) }) })
  }

  async function upload(user: { id: Id; email: string } | null, mode: string, content: string, name = 'sao-ke.csv') {
    const form = new FormData()
    form.append('file', new Blob([content], { type: 'text/csv' }), name)
    const h = new Headers()
    if (user) h.set('authorization', `JWT ${await tokenOf(user)}`)
    return handleEndpoints({ config: payload.config, request: new Request(`${payload.config.serverURL}/api/bank-transfers/statement?mode=${mode}`, { method: 'POST', headers: h, body: form }) })
  }
})
