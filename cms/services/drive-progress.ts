/**
 * A drive's progress as the public and staff see it, counted from what is stored — never typed
 * in, never kept apart from its sources:
 *
 * - **received** (the bar): the sum of the drive's receipts, i.e. only what fund officers
 *   recorded or the bank reported and was matched;
 * - **pledged, not yet received** (shown apart): for pledges still open, what they promise
 *   beyond what has been received against them;
 * - **left to pledge** of each item: its quantity less the units pledges hold (capacity engine).
 */
import type { Payload, Where } from 'payload'
import type { Drive } from '../payload-types'
import { unitsLeft } from './capacity'
import { itemPool, type Progress } from './drives'
import type { Id } from './ids'
import { HOLDING_STATUSES, OPEN_STATUSES } from './pledges'

export type ItemProgress = Progress & { id: string; kind: string; label: string; unitValue: number | null; reaches: number | null; left: number }
export type DriveProgress = { money: Progress | null; items: ItemProgress[]; donors: { named: number; anonymous: number } }

type DriveTargets = Pick<Drive, 'id' | 'moneyGoal' | 'items'>

export async function driveProgress(payload: Payload, drive: DriveTargets): Promise<DriveProgress> {
  const [receipts, open, claims, donors] = await Promise.all([
    payload.find({ collection: 'donation-receipts', where: { drive: { equals: drive.id } }, limit: 0, pagination: false, depth: 0, select: { amount: true, items: true } }),
    payload.find({ collection: 'pledges', where: { and: [{ drive: { equals: drive.id } }, { status: { in: OPEN_STATUSES } }] }, limit: 0, pagination: false, depth: 0, select: { amount: true, receivedAmount: true, items: true } }),
    payload.find({ collection: 'claims', where: { pool: { in: (drive.items ?? []).map((item) => itemPool(drive.id, item).key) } }, limit: 0, pagination: false, depth: 0, select: { pool: true } }),
    donorCounts(payload, drive.id),
  ])
  let moneyReceived = 0
  const itemsReceived = new Map<string, number>()
  for (const r of receipts.docs) {
    moneyReceived += r.amount ?? 0
    for (const line of r.items ?? []) itemsReceived.set(line.item, (itemsReceived.get(line.item) ?? 0) + line.quantity)
  }
  let moneyOpen = 0
  const itemsOpen = new Map<string, number>()
  for (const p of open.docs) {
    moneyOpen += Math.max(0, (p.amount ?? 0) - (p.receivedAmount ?? 0))
    for (const line of p.items ?? []) itemsOpen.set(line.item, (itemsOpen.get(line.item) ?? 0) + Math.max(0, line.quantity - (line.received ?? 0)))
  }
  const held = new Map<string, number>()
  for (const c of claims.docs) held.set(c.pool, (held.get(c.pool) ?? 0) + 1)
  return {
    money: drive.moneyGoal ? { goal: drive.moneyGoal, received: moneyReceived, pledgedOpen: moneyOpen } : moneyReceived || moneyOpen ? { goal: 0, received: moneyReceived, pledgedOpen: moneyOpen } : null,
    items: (drive.items ?? []).map((item) => {
      const id = item.id ?? ''
      const pool = itemPool(drive.id, item)
      return {
        id,
        kind: item.kind,
        label: item.label,
        unitValue: item.unitValue ?? null,
        reaches: item.reaches ?? null,
        goal: item.quantity,
        received: itemsReceived.get(id) ?? 0,
        pledgedOpen: itemsOpen.get(id) ?? 0,
        left: unitsLeft(pool, held.get(pool.key) ?? 0),
      }
    }),
    donors,
  }
}

/** Donors who gave or promised (cancelled and lapsed pledges not counted): named ones agreed to be listed; the others are only counted. */
async function donorCounts(payload: Payload, driveId: Id): Promise<{ named: number; anonymous: number }> {
  const where = (listed: boolean): Where => ({ and: [{ drive: { equals: driveId } }, { status: { in: HOLDING_STATUSES } }, { listed: { equals: listed } }] })
  const [named, anonymous] = await Promise.all([payload.count({ collection: 'pledges', where: where(true) }), payload.count({ collection: 'pledges', where: where(false) })])
  return { named: named.totalDocs, anonymous: anonymous.totalDocs }
}

export type PublicDonor = { name: string; kind: string; amount: number | null; items: { label: string; quantity: number }[] }

/**
 * The public donor list of a drive: donors who agreed to be named, with what the fund received
 * from them (amounts only when the drive shows them); every other donor who gave is counted,
 * never named. Contacts, messages and references never leave this function.
 */
export async function publicDonorList(payload: Payload, drive: Pick<Drive, 'id' | 'showAmounts'>): Promise<{ donors: PublicDonor[]; anonymous: number }> {
  const res = await payload.find({
    collection: 'pledges',
    where: { and: [{ drive: { equals: drive.id } }, { status: { in: ['partly-received', 'received', 'thanked'] } }] },
    sort: '-receivedAt',
    limit: 0,
    pagination: false,
    depth: 0,
    select: { donor: { name: true, kind: true }, listed: true, receivedAmount: true, items: true },
  })
  const donors: PublicDonor[] = []
  let anonymous = 0
  for (const p of res.docs) {
    if (!p.listed) {
      anonymous++
      continue
    }
    donors.push({
      name: p.donor.name,
      kind: p.donor.kind,
      amount: drive.showAmounts === false ? null : (p.receivedAmount ?? 0) || null,
      items: (p.items ?? []).filter((l) => (l.received ?? 0) > 0).map((l) => ({ label: l.label ?? '', quantity: l.received ?? 0 })),
    })
  }
  return { donors, anonymous }
}
