/**
 * Gift drives and pledges on a real database: item targets are never over-pledged under a race
 * (and proof that the race test catches a naive check-then-insert), a pledge sent twice is one
 * pledge, a covered item is refused with nothing stored, receipts are numbered without gaps and
 * recorded once per key, and the bars count received apart from pledged.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Drive } from '../../cms/payload-types'
import { ZPledge, pledgeErrors, type TPledge } from '../../cms/schemas/pledge'
import { driveProgress } from '../../cms/services/drive-progress'
import { endPledge, pledge, type PledgeOutcome } from '../../cms/services/pledges'
import { queueThankYous } from '../../cms/services/donation-notices'
import { recordReceipt, ReceiptRefused } from '../../cms/services/receipts'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('gift drives and pledges', () => {
  let payload: Payload
  const drives: (number | string)[] = []

  beforeAll(async () => {
    payload = await testPayload()
  })
  afterAll(async () => {
    if (!drives.length) return
    const pledges = await payload.find({ collection: 'pledges', where: { drive: { in: drives } }, limit: 0, pagination: false, depth: 0 })
    const ids = pledges.docs.map((p) => p.id)
    if (ids.length) {
      await payload.db.deleteMany({ collection: 'donation-receipts', where: { pledge: { in: ids } } })
      await payload.delete({ collection: 'pledges', where: { id: { in: ids } }, overrideAccess: true })
    }
    await payload.delete({ collection: 'drives', where: { id: { in: drives } }, overrideAccess: true })
  })

  async function makeDrive(items: { label: string; quantity: number; kind?: string }[], extra: { moneyGoal?: number; startsOn?: string; endsOn?: string } = {}): Promise<Drive> {
    const drive = await payload.create({
      collection: 'drives',
      data: {
        title: unique('Trung thu'),
        slug: unique('trung-thu'),
        kind: 'mid-autumn',
        startsOn: '2026-01-01T00:00:00.000Z',
        moneyGoal: 400_000_000,
        items: items.map((i) => ({ kind: (i.kind ?? 'bicycle') as 'bicycle', label: i.label, quantity: i.quantity, unitValue: 2_500_000 })),
        _status: 'published',
        ...extra,
      },
    })
    drives.push(drive.id)
    return drive
  }

  const itemId = (drive: Drive, index = 0) => drive.items?.[index]?.id ?? ''
  const input = (drive: Drive, over: Partial<TPledge> = {}): TPledge => ({
    driveId: drive.id,
    idempotencyKey: unique('k').replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x'),
    donor: { kind: 'person', name: 'Nguyễn Văn An', email: 'an@example.vn' },
    listed: true,
    items: [],
    ...over,
  })
  const claimsOf = async (drive: Drive, index = 0) => (await payload.count({ collection: 'claims', where: { pool: { equals: `drives:${drive.id}:items:${itemId(drive, index)}` } } })).totalDocs
  const accepted = (outcomes: PledgeOutcome[]) => outcomes.filter((o) => o.kind === 'accepted')

  it('200 donors pressing for 90 bicycles at once: exactly 90 are pledged, the rest told the item is covered', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 90 }])
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => pledge(payload, input(drive, { items: [{ item: itemId(drive), quantity: 1 }] }))))
    expect(accepted(outcomes)).toHaveLength(90)
    expect(outcomes.filter((o) => o.kind === 'covered')).toHaveLength(110)
    expect(outcomes.find((o) => o.kind === 'covered')).toMatchObject({ kind: 'covered', item: itemId(drive), left: 0 })
    expect(await claimsOf(drive)).toBe(90)
    // nothing kept of the refused ones
    const stored = await payload.count({ collection: 'pledges', where: { drive: { equals: drive.id } } })
    expect(stored.totalDocs).toBe(90)
    const progress = await driveProgress(payload, drive)
    expect(progress.items[0]).toMatchObject({ goal: 90, received: 0, pledgedOpen: 90, left: 0 })
  })

  it('the same race catches a naive check-then-insert (control run)', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 90 }])
    const naive = async () => {
      const open = await payload.find({ collection: 'pledges', where: { drive: { equals: drive.id } }, limit: 0, pagination: false, depth: 0, select: { items: true } })
      const pledged = open.docs.reduce((n, p) => n + (p.items ?? []).reduce((m, l) => m + l.quantity, 0), 0)
      if (pledged >= 90) return
      await payload.create({
        collection: 'pledges',
        data: { drive: drive.id, reference: unique('N'), idempotencyKey: unique('naive'), status: 'pledged', language: 'vi', donor: { kind: 'person', name: 'X' }, items: [{ item: itemId(drive), quantity: 1 }] },
      })
    }
    await Promise.all(Array.from({ length: 200 }, naive))
    const open = await payload.count({ collection: 'pledges', where: { drive: { equals: drive.id } } })
    expect(open.totalDocs).toBeGreaterThan(90)
  })

  it('a pledge of more than is left is refused whole, naming how many are left; other items are still offered', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 3 }, { label: 'Sổ tiết kiệm', quantity: 10, kind: 'savings-book' }])
    const both = await pledge(payload, input(drive, { items: [{ item: itemId(drive, 1), quantity: 2 }, { item: itemId(drive), quantity: 5 }], amount: 1_000_000 }))
    expect(both).toEqual({ kind: 'covered', item: itemId(drive), label: 'Xe đạp', left: 3 })
    // nothing half-saved: the savings books taken first went back, no pledge kept
    expect(await claimsOf(drive, 1)).toBe(0)
    expect((await payload.count({ collection: 'pledges', where: { drive: { equals: drive.id } } })).totalDocs).toBe(0)
    const fits = await pledge(payload, input(drive, { items: [{ item: itemId(drive, 1), quantity: 2 }, { item: itemId(drive), quantity: 3 }] }))
    expect(fits.kind).toBe('accepted')
    expect([await claimsOf(drive), await claimsOf(drive, 1)]).toEqual([3, 2])
  })

  it('a pledge sent twice (double click, retry, at the same moment) is one pledge with one reference', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 5 }])
    const same = input(drive, { items: [{ item: itemId(drive), quantity: 2 }], amount: 500_000 })
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => pledge(payload, same)))
    const refs = new Set(outcomes.map((o) => (o.kind === 'accepted' ? o.reference : o.kind)))
    expect([...refs]).toHaveLength(1)
    expect([...refs][0]).toMatch(/^TT-[2-9A-Z]{5}$/)
    expect(await claimsOf(drive)).toBe(2)
    expect((await payload.count({ collection: 'pledges', where: { drive: { equals: drive.id } } })).totalDocs).toBe(1)
    // a later retry is answered from what was stored, even if it carried other values
    const again = await pledge(payload, { ...same, amount: 9_000_000 })
    expect(again).toMatchObject({ kind: 'accepted', reference: [...refs][0], amount: 500_000 })
  })

  it('money has no cap; a drive not yet open or already closed takes nothing', async () => {
    const drive = await makeDrive([], { moneyGoal: 1_000_000 })
    const big = await pledge(payload, input(drive, { amount: 5_000_000 }))
    expect(big.kind).toBe('accepted')
    const later = await makeDrive([], { moneyGoal: 1_000_000, startsOn: '2099-01-01T00:00:00.000Z' })
    expect(await pledge(payload, input(later, { amount: 100_000 }))).toEqual({ kind: 'refused', reason: 'not-open' })
    const over = await makeDrive([], { moneyGoal: 1_000_000, startsOn: '2020-01-01T00:00:00.000Z', endsOn: '2020-02-01T00:00:00.000Z' })
    expect(await pledge(payload, input(over, { amount: 100_000 }))).toEqual({ kind: 'refused', reason: 'closed' })
    expect((await payload.count({ collection: 'pledges', where: { drive: { in: [later.id, over.id] } } })).totalDocs).toBe(0)
  })

  it('bad amounts and quantities get a clear message in the donor language, and nothing is stored', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 5 }])
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: '-500000' }, 'amount', 'Số tiền phải lớn hơn 0.'],
      [{ amount: '0' }, 'amount', 'Số tiền phải lớn hơn 0.'],
      [{ amount: '1500,5' }, 'amount', 'Số tiền phải là số đồng chẵn (không có phần lẻ).'],
      [{ amount: '10.000.000.001' }, 'amount', 'Số tiền tối đa cho một lần ủng hộ là 10.000.000.000 ₫; xin liên hệ Quỹ với khoản lớn hơn.'],
      [{ amount: 'một triệu' }, 'amount', 'Số tiền chỉ gồm chữ số, ví dụ 500.000.'],
      [{ items: [{ item: itemId(drive), quantity: '-2' }] }, 'items.0.quantity', 'Số lượng phải là số nguyên dương, ví dụ 2.'],
      [{ items: [{ item: itemId(drive), quantity: '1.5' }] }, 'items.0.quantity', 'Số lượng phải là số nguyên dương, ví dụ 2.'],
      [{ items: [{ item: itemId(drive), quantity: '0' }] }, 'items.0.quantity', 'Số lượng phải là số nguyên dương, ví dụ 2.'],
      [{ items: [{ item: itemId(drive), quantity: '200000' }] }, 'items.0.quantity', 'Số lượng quá lớn (tối đa 100.000).'],
      [{}, 'amount', 'Hãy nhập số tiền hoặc số lượng hiện vật muốn ủng hộ.'],
    ]
    for (const [over, path, message] of cases) {
      const parsed = ZPledge.safeParse({ ...input(drive), items: [], ...over })
      expect(parsed.success, JSON.stringify(over)).toBe(false)
      if (!parsed.success) expect(pledgeErrors(parsed.error, 'vi')[path]).toBe(message)
    }
    const en = ZPledge.safeParse({ ...input(drive), amount: '-1' })
    expect(!en.success && pledgeErrors(en.error, 'en').amount).toBe('The amount must be more than zero.')
    // and what is allowed reads as whole đồng
    for (const [typed, value] of [['500.000', 500_000], ['500,000', 500_000], ['1 000 000', 1_000_000], ['250000 ₫', 250_000], ['2.000.000đ', 2_000_000]] as const) {
      const ok = ZPledge.safeParse({ ...input(drive), amount: typed })
      expect(ok.success && ok.data.amount, typed).toBe(value)
    }
    // an item of another drive
    expect(await pledge(payload, input(drive, { items: [{ item: 'not-an-item', quantity: 1 }] }))).toEqual({ kind: 'refused', reason: 'unknown-item' })
    expect((await payload.count({ collection: 'pledges', where: { drive: { equals: drive.id } } })).totalDocs).toBe(0)
  })

  it('receipts move the bars, numbered without gaps within the year, recorded once per key', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 10 }], { moneyGoal: 10_000_000 })
    const p = await pledge(payload, input(drive, { amount: 3_000_000, items: [{ item: itemId(drive), quantity: 4 }] }))
    if (p.kind !== 'accepted') throw new Error(p.kind)
    let progress = await driveProgress(payload, drive)
    expect(progress.money).toEqual({ goal: 10_000_000, received: 0, pledgedOpen: 3_000_000 })
    expect(progress.items[0]).toMatchObject({ received: 0, pledgedOpen: 4, left: 6 })

    const first = await recordReceipt(payload, { pledgeId: p.id, amount: 1_000_000, items: [{ item: itemId(drive), quantity: 1 }], source: 'manual', recordKey: unique('form') })
    const key = unique('form')
    const twice = await Promise.all([1, 2, 3].map(() => recordReceipt(payload, { pledgeId: p.id, amount: 2_000_000, source: 'manual', recordKey: key })))
    expect(twice.filter((r) => r.created)).toHaveLength(1)
    expect(new Set(twice.map((r) => r.receipt.id)).size).toBe(1)
    const [a, b] = [first.receipt, twice[0]?.receipt]
    expect(a.number).toMatch(/^\d{4}-\d{6}$/)
    expect(b?.sequence).toBe(a.sequence + 1)

    progress = await driveProgress(payload, drive)
    expect(progress.money).toEqual({ goal: 10_000_000, received: 3_000_000, pledgedOpen: 0 })
    expect(progress.items[0]).toMatchObject({ received: 1, pledgedOpen: 3, left: 6 })
    const stored = await payload.findByID({ collection: 'pledges', id: p.id, depth: 0 })
    expect(stored).toMatchObject({ status: 'partly-received', receivedAmount: 3_000_000 })

    await recordReceipt(payload, { pledgeId: p.id, items: [{ item: itemId(drive), quantity: 3 }], source: 'manual', recordKey: unique('form') })
    expect(await payload.findByID({ collection: 'pledges', id: p.id, depth: 0 })).toMatchObject({ status: 'received' })

    await expect(recordReceipt(payload, { pledgeId: p.id, amount: -5, source: 'manual', recordKey: unique('form') })).rejects.toBeInstanceOf(ReceiptRefused)
    await expect(recordReceipt(payload, { pledgeId: p.id, items: [{ item: 'other', quantity: 1 }], source: 'manual', recordKey: unique('form') })).rejects.toThrow(/item-not-pledged/)
  })

  it('receipts recorded at the same moment take consecutive numbers, none skipped or doubled', async () => {
    const drive = await makeDrive([], { moneyGoal: 10_000_000 })
    const pledges = await Promise.all(Array.from({ length: 12 }, () => pledge(payload, input(drive, { amount: 100_000 }))))
    const receipts = await Promise.all(pledges.map((p) => (p.kind === 'accepted' ? recordReceipt(payload, { pledgeId: p.id, amount: 100_000, source: 'manual', recordKey: unique('r') }) : null)))
    const numbers = receipts.map((r) => r?.receipt.sequence ?? 0).sort((x, y) => x - y)
    const first = numbers[0] ?? 0
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => first + i))
  })

  it('a crash between recording a receipt and its email: the thank-you with the PDF goes out once after the restart', async () => {
    const drive = await makeDrive([], { moneyGoal: 10_000_000 })
    const p = await pledge(payload, input(drive, { amount: 700_000, donor: { kind: 'person', name: 'Hoàng Thị Lan', email: 'lan.hoang@example.vn' } }))
    if (p.kind !== 'accepted') throw new Error(p.kind)
    // recorded; the process dies before its email is queued
    const { receipt } = await recordReceipt(payload, { pledgeId: p.id, amount: 700_000, source: 'manual', recordKey: unique('form') })
    const outbox = async () => (await payload.find({ collection: 'email-outbox', where: { dedupeKey: { equals: `receipt:${receipt.id}` } }, limit: 0, depth: 0 })).docs
    expect(await outbox()).toHaveLength(0)
    // after the restart the job finds it
    expect(await queueThankYous(payload)).toBeGreaterThanOrEqual(1)
    const [email] = await outbox()
    expect(email?.to).toBe('lan.hoang@example.vn')
    expect(email?.subject).toContain(receipt.number)
    const attachments = (email?.attachments ?? []) as { contentType: string; content: string }[]
    expect(Buffer.from(attachments.find((a) => a.contentType === 'application/pdf')?.content ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(await payload.findByID({ collection: 'pledges', id: p.id, depth: 0 })).toMatchObject({ status: 'thanked' })
    // a crash after queuing it but before marking it: the next run queues nothing more
    await payload.db.updateOne({ collection: 'donation-receipts', id: receipt.id, data: { thankQueuedAt: null }, returning: false })
    await queueThankYous(payload)
    expect(await outbox()).toHaveLength(1)
    expect((await payload.findByID({ collection: 'donation-receipts', id: receipt.id, depth: 0 })).thankQueuedAt).toBeTruthy()
  })

  it('cancelling a pledge gives back the items not received; received ones stand', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 10 }])
    const p = await pledge(payload, input(drive, { items: [{ item: itemId(drive), quantity: 5 }] }))
    if (p.kind !== 'accepted') throw new Error(p.kind)
    await recordReceipt(payload, { pledgeId: p.id, items: [{ item: itemId(drive), quantity: 2 }], source: 'manual', recordKey: unique('form') })
    await endPledge(payload, p.id, 'lapsed')
    expect(await claimsOf(drive)).toBe(2)
    const progress = await driveProgress(payload, drive)
    expect(progress.items[0]).toMatchObject({ received: 2, pledgedOpen: 0, left: 8 })
    await expect(recordReceipt(payload, { pledgeId: p.id, items: [{ item: itemId(drive), quantity: 1 }], source: 'manual', recordKey: unique('form') })).rejects.toThrow(/pledge-ended/)
  })

  it('a cancellation and a receipt at the same moment: one goes first, and the units held always match what was received', async () => {
    const drive = await makeDrive([{ label: 'Xe đạp', quantity: 100 }])
    const orders = { receiptFirst: 0, cancelFirst: 0 }
    for (let round = 0; round < 8; round++) {
      // a donor with a phone only: no thank-you email is left in this database's outbox for other test files
      const p = await pledge(payload, input(drive, { donor: { kind: 'person', name: 'Nguyễn Văn Bình', phone: '0912345678' }, items: [{ item: itemId(drive), quantity: 3 }] }))
      if (p.kind !== 'accepted') throw new Error(p.kind)
      const receipt = recordReceipt(payload, { pledgeId: p.id, items: [{ item: itemId(drive), quantity: 2 }], source: 'manual', recordKey: unique('race') })
      const [got] = await Promise.allSettled([receipt, round % 2 ? endPledge(payload, p.id, 'cancelled') : Promise.resolve().then(() => endPledge(payload, p.id, 'cancelled'))])
      const doc = await payload.findByID({ collection: 'pledges', id: p.id, depth: 0 })
      const units = (await payload.count({ collection: 'claims', where: { claimant: { like: `pledges:${p.id}:` } } })).totalDocs
      const receipts = (await payload.count({ collection: 'donation-receipts', where: { pledge: { equals: p.id } } })).totalDocs
      expect(doc.status).toBe('cancelled')
      if (got.status === 'fulfilled') {
        // the receipt went first: the 2 received stand, the third unit went back
        orders.receiptFirst++
        expect([receipts, units, doc.items?.[0]?.received]).toEqual([1, 2, 2])
      } else {
        // the cancellation went first: the receipt is refused and every unit went back
        orders.cancelFirst++
        expect(String(got.reason)).toMatch(/pledge-ended/)
        expect([receipts, units]).toEqual([0, 0])
      }
    }
    expect(orders.receiptFirst + orders.cancelFirst).toBe(8)
    const progress = await driveProgress(payload, drive)
    expect(progress.items[0]).toMatchObject({ received: 2 * orders.receiptFirst, pledgedOpen: 0, left: 100 - 2 * orders.receiptFirst })
  })
})
