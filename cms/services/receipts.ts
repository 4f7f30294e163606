/**
 * Receipts: what the fund received against a pledge (cms/services/pledges.ts), recorded by a fund
 * officer or matched from the bank's transfer notification. Only receipts move the progress
 * bars; a pledge's received amounts and status are worked out from its receipts each time one
 * is recorded, never typed in.
 *
 * Numbering: receipts are numbered within the year they are issued (Vietnam time), without gaps:
 * 2026-000001, 2026-000002… A receipt takes the next number in the same write that stores it, and
 * the unique index on (year, sequence) refuses a number taken twice (the loser takes the next),
 * so a number is used only by a receipt that exists, and receipts are never deleted.
 *
 * Recording is idempotent: each receipt has a record key (the bank transaction it came from, or
 * the officer's form submission), so a notification sent twice or a form sent twice records one.
 */
import type { Payload } from 'payload'
import type { DonationReceipt, Pledge } from '../payload-types'
import { announceContentChange } from './content-events'
import { donationsDue } from './donation-notices'
import { vietnamDay } from './drives'
import { uniqueViolationOn } from './errors'
import { asId, idOf, type Id } from './ids'
import { oneAtATime } from './process-wide'
import { pledgeState, type PledgeStatus } from './pledges'

export type ReceiptInput = {
  pledgeId: Id
  /** Money received, whole đồng. */
  amount?: number | null
  /** Items received, by the pledge line's item id. */
  items?: { item: string; quantity: number }[]
  /** The day it was received (YYYY-MM-DD); today when not given. */
  receivedOn?: string
  source: DonationReceipt['source']
  transferId?: Id | null
  /** One receipt per key: `transfer:<key>` or `form:<submission id>`. */
  recordKey: string
  userId?: Id | null
  now?: Date
}

export type ReceiptProblem = 'pledge-not-found' | 'pledge-ended' | 'nothing-received' | 'amount-invalid' | 'quantity-invalid' | 'item-not-pledged'

export class ReceiptRefused extends Error {
  override name = 'ReceiptRefused'
  constructor(readonly problem: ReceiptProblem) {
    super(`Receipt refused: ${problem}`)
  }
}

const MAX_AMOUNT = 10_000_000_000

/** The receipt number as printed: year, dash, six digits. */
export const receiptNumber = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`

/**
 * Records one receipt (or finds the one recorded under the same key), then works out the
 * pledge's received amounts and status again. Returns the receipt and whether this call made it.
 */
export async function recordReceipt(payload: Payload, input: ReceiptInput): Promise<{ receipt: DonationReceipt; created: boolean }> {
  const now = input.now ?? new Date()
  return oneAtATime(`pledge-change:${String(input.pledgeId)}`, async () => {
    const before = await byKey(payload, input.recordKey)
    if (before) {
      await settlePledge(payload, input.pledgeId, now)
      return { receipt: before, created: false }
    }
    const pledge = await payload.findByID({ collection: 'pledges', id: input.pledgeId, depth: 0, disableErrors: true })
    if (!pledge) throw new ReceiptRefused('pledge-not-found')
    if (pledgeState(pledge.status) === 'ended') throw new ReceiptRefused('pledge-ended')
    const amount = input.amount ?? 0
    if (!Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT) throw new ReceiptRefused('amount-invalid')
    const lines = (input.items ?? []).filter((l) => l.quantity !== 0)
    for (const line of lines) {
      if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > 1_000_000) throw new ReceiptRefused('quantity-invalid')
      if (!(pledge.items ?? []).some((p) => p.item === line.item)) throw new ReceiptRefused('item-not-pledged')
    }
    if (amount === 0 && !lines.length) throw new ReceiptRefused('nothing-received')
    const labels = new Map((pledge.items ?? []).map((l) => [l.item, l.label ?? '']))
    const year = Number(vietnamDay(now).slice(0, 4))
    const receivedOn = input.receivedOn ?? vietnamDay(now)
    const driveId = idOf(pledge.drive)
    if (driveId === null) throw new ReceiptRefused('pledge-not-found')
    let receipt: DonationReceipt | null = null
    for (let attempt = 0; !receipt; attempt++) {
      const sequence = (await lastSequence(payload, year)) + 1
      try {
        receipt = await payload.create({
          collection: 'donation-receipts',
          depth: 0,
          data: {
            number: receiptNumber(year, sequence),
            year,
            sequence,
            pledge: asId(pledge.id),
            drive: asId(driveId),
            receivedOn: `${receivedOn}T00:00:00.000Z`,
            amount: amount || null,
            items: lines.map((l) => ({ item: l.item, label: labels.get(l.item) ?? '', quantity: l.quantity })),
            source: input.source,
            transfer: input.transferId == null ? null : asId(input.transferId),
            recordKey: input.recordKey,
            recordedBy: input.userId == null ? null : asId(input.userId),
          },
        })
      } catch (err) {
        const on = uniqueViolationOn(err)
        if (on === 'recordKey') {
          const other = await byKey(payload, input.recordKey)
          if (other) return { receipt: other, created: false }
        }
        // another receipt took this number first: take the next
        if ((on === 'year' || on === 'number' || on === 'sequence') && attempt < 50) continue
        throw err
      }
    }
    await settlePledge(payload, pledge.id, now)
    donationsDue()
    return { receipt, created: true }
  })
}

async function byKey(payload: Payload, recordKey: string): Promise<DonationReceipt | null> {
  const res = await payload.find({ collection: 'donation-receipts', where: { recordKey: { equals: recordKey } }, limit: 1, depth: 0, pagination: false })
  return res.docs[0] ?? null
}

async function lastSequence(payload: Payload, year: number): Promise<number> {
  const res = await payload.find({ collection: 'donation-receipts', where: { year: { equals: year } }, sort: '-sequence', limit: 1, depth: 0, pagination: false, select: { sequence: true } })
  return res.docs[0]?.sequence ?? 0
}

/** What a pledge's receipts add up to, and the status that follows from it. */
export function settledState(pledge: Pick<Pledge, 'status' | 'amount' | 'items'>, receipts: Pick<DonationReceipt, 'amount' | 'items'>[]): { receivedAmount: number; received: Map<string, number>; status: PledgeStatus } {
  const receivedAmount = receipts.reduce((sum, r) => sum + (r.amount ?? 0), 0)
  const received = new Map<string, number>()
  for (const r of receipts) for (const line of r.items ?? []) received.set(line.item, (received.get(line.item) ?? 0) + line.quantity)
  const current = (pledge.status ?? 'pledged') as PledgeStatus
  if (pledgeState(current) === 'ended' || current === 'thanked' || current === 'pending') return { receivedAmount, received, status: current }
  const moneyDone = receivedAmount >= (pledge.amount ?? 0)
  const itemsDone = (pledge.items ?? []).every((l) => (received.get(l.item) ?? 0) >= l.quantity)
  const any = receivedAmount > 0 || [...received.values()].some((q) => q > 0)
  return { receivedAmount, received, status: moneyDone && itemsDone ? 'received' : any ? 'partly-received' : 'pledged' }
}

/** Works a pledge's received amounts and status out again from its receipts. Safe to run again. */
export async function settlePledge(payload: Payload, pledgeId: Id, now = new Date()): Promise<void> {
  const pledge = await payload.findByID({ collection: 'pledges', id: pledgeId, depth: 0 })
  const receipts = await payload.find({ collection: 'donation-receipts', where: { pledge: { equals: pledgeId } }, limit: 0, pagination: false, depth: 0, select: { amount: true, items: true } })
  const state = settledState(pledge, receipts.docs)
  const items = (pledge.items ?? []).map((l) => ({ ...l, received: state.received.get(l.item) ?? 0 }))
  const unchanged = state.status === pledge.status && state.receivedAmount === (pledge.receivedAmount ?? 0) && items.every((l, i) => l.received === (pledge.items?.[i]?.received ?? 0))
  if (unchanged) return
  await payload.update({
    collection: 'pledges',
    id: pledgeId,
    depth: 0,
    overrideAccess: true,
    data: { status: state.status, receivedAmount: state.receivedAmount, items, receivedAt: state.status === 'received' ? (pledge.receivedAt ?? now.toISOString()) : pledge.receivedAt },
  })
  announceContentChange({ source: 'pledges', id: pledgeId })
}
