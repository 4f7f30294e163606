/**
 * The fund officers' work on one pledge, in the admin: recording what was received (a
 * receipt), ending a pledge that will not be honoured (the donor cancelled, or it lapsed
 * unpaid), and marking as thanked a donor the officer thanked by phone. Only fund officers and
 * admins do this work (the same rule as reading pledges); every change is written to the audit
 * log with the pledge's status before and after.
 *
 * The words of the domain:
 * - a **receipt** (cms/services/receipts.ts) is the only thing that moves a drive's progress
 *   bars; an officer records one when money or items reach the fund by hand (cash at the
 *   office, a truck of milk), the bank reconciliation when a transfer matches;
 * - **cancelled**: the donor said they will not give (the rest); **lapsed**: they never did, and
 *   the officer gave up. Both free the units of items not received for other donors; what was
 *   received stands (cms/services/pledges.ts `endPledge`);
 * - **thanked**: a pledge received in full whose donor was thanked. Donors with an email get the
 *   thank-you with their receipt automatically (cms/services/donation-notices.ts); donors who
 *   gave only a phone number are called, and the officer marks them here.
 */
import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'
import { checkRole } from '../access/roles'
import { reqLang, type Lang } from '../i18n/messages'
import type { DonationReceipt, Pledge } from '../payload-types'
import { audit, changeOf } from './audit'
import { markThanked, receiptPdfOf } from './donation-notices'
import { vietnamDay } from './drives'
import { idOf, type Id } from './ids'
import { oneAtATime } from './process-wide'
import { claimantOfLine, endPledge, pledgeState, PLEDGE_STATUSES, RECEIPT_SOURCES, type PledgeStatus } from './pledges'
import { recordReceipt, ReceiptRefused, type ReceiptProblem } from './receipts'
import { StaffError, type StaffMessage } from './staff'

/** Fund officers and admins are the only staff who see donors and work on pledges: anyone else is refused (403, translated). */
export function requireFundStaff(req: PayloadRequest): void {
  if (!checkRole(['admin', 'fund'], req.user)) throw new StaffError('fundOnly', 403)
}

/** The officer's "record a receipt" form. `key` is a random id the form draws once: a double click sends the same key, and records one receipt. */
export const ZStaffReceipt = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  amount: z.number().nullable().optional(),
  items: z
    .array(z.object({ item: z.string().min(1).max(100), quantity: z.number() }))
    .max(200)
    .optional(),
  receivedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
})
export type TStaffReceipt = z.infer<typeof ZStaffReceipt>

/** Each refusal of the receipt service, as the officer reads it. */
const RECEIPT_REFUSALS: Record<ReceiptProblem, [StaffMessage, number]> = {
  'pledge-not-found': ['pledgeNotFound', 404],
  'pledge-ended': ['pledgeEnded', 409],
  'nothing-received': ['nothingReceived', 400],
  'amount-invalid': ['receiptAmountInvalid', 400],
  'quantity-invalid': ['receiptQuantityInvalid', 400],
  'item-not-pledged': ['itemNotPledged', 400],
}

export function receiptRefusal(problem: ReceiptProblem): StaffError {
  const [key, status] = RECEIPT_REFUSALS[problem]
  return new StaffError(key, status)
}

export function parseStaffReceipt(body: unknown): TStaffReceipt {
  const parsed = ZStaffReceipt.safeParse(body)
  if (parsed.success) return parsed.data
  const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))]
  if (paths.includes('key')) throw new StaffError('formKeyMissing', 400)
  throw new StaffError('invalidInput', 400, { details: paths.join(', ') })
}

/** A calendar day that exists and is not after today in Vietnam. */
export function receivedOnProblem(day: string, now: Date): boolean {
  const date = new Date(`${day}T00:00:00.000Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day || day > vietnamDay(now) || day < '2000-01-01'
}

/** Received in full (and maybe thanked): nothing is left to cancel. */
const RECEIVED_IN_FULL: PledgeStatus[] = ['received', 'thanked']

/** A pledge may be cancelled or marked lapsed while something of it is still expected. */
export const mayEnd = (status: string): boolean => pledgeState(status) !== 'ended' && !RECEIVED_IN_FULL.includes(status as PledgeStatus)

/** Why an officer may not mark this pledge as thanked by phone (null: they may). */
export function thankedProblem(pledge: Pick<Pledge, 'status' | 'donor'>): StaffMessage | null {
  if (pledge.donor.email) return 'thankedHasEmail'
  if (pledge.status !== 'received') return 'thankedNotReceived'
  return null
}

const statusLabel = (status: string, lang: Lang) => (status in PLEDGE_STATUSES ? PLEDGE_STATUSES[status as PledgeStatus][lang] : status)

async function loadPledge(payload: Payload, id: Id): Promise<Pledge> {
  const pledge = await payload.findByID({ collection: 'pledges', id, depth: 0, disableErrors: true })
  if (!pledge) throw new StaffError('pledgeNotFound', 404)
  return pledge
}

/** One audit entry for an officer's change of a pledge: which fields moved, the status before and after. */
async function auditPledgeChange(payload: Payload, req: PayloadRequest, before: Pledge, what: string): Promise<void> {
  const after = await payload.findByID({ collection: 'pledges', id: before.id, depth: 0 })
  const change = changeOf(before, after)
  await audit(payload, { action: 'update', resource: 'pledges', documentIds: [before.id], summary: `${what} ${before.reference}`, ...change }, req)
}

export type LedgerReceipt = { id: Id; number: string; receivedOn: string; amount: number | null; items: { item: string; label: string; quantity: number }[]; source: DonationReceipt['source']; sourceLabel: string }

/** What the pledge's side panel shows: pledged against received per line, its receipts, and which operations apply now. */
export type PledgeLedger = {
  id: Id
  reference: string
  status: string
  statusLabel: string
  hasEmail: boolean
  amount: number | null
  receivedAmount: number
  lines: { item: string; label: string; quantity: number; received: number }[]
  receipts: LedgerReceipt[]
  may: { receive: boolean; end: boolean; thank: boolean }
  today: string
}

export async function pledgeLedger(payload: Payload, req: PayloadRequest, id: Id, now = new Date()): Promise<PledgeLedger> {
  requireFundStaff(req)
  const lang = reqLang(req)
  const pledge = await loadPledge(payload, id)
  const driveId = idOf(pledge.drive)
  const drive = driveId === null ? null : await payload.findByID({ collection: 'drives', id: driveId, depth: 0, locale: lang, disableErrors: true, select: { items: true } })
  const labelOf = (item: string, stored?: string | null) => drive?.items?.find((i) => i.id === item)?.label ?? stored ?? item
  const receipts = await payload.find({ collection: 'donation-receipts', where: { pledge: { equals: pledge.id } }, sort: 'sequence', limit: 0, pagination: false, depth: 0 })
  return {
    id: pledge.id,
    reference: pledge.reference,
    status: pledge.status,
    statusLabel: statusLabel(pledge.status, lang),
    hasEmail: Boolean(pledge.donor.email),
    amount: pledge.amount ?? null,
    receivedAmount: pledge.receivedAmount ?? 0,
    lines: (pledge.items ?? []).map((l) => ({ item: l.item, label: labelOf(l.item, l.label), quantity: l.quantity, received: l.received ?? 0 })),
    receipts: receipts.docs.map((r) => ({
      id: r.id,
      number: r.number,
      receivedOn: r.receivedOn.slice(0, 10),
      amount: r.amount ?? null,
      items: (r.items ?? []).map((l) => ({ item: l.item, label: labelOf(l.item, l.label), quantity: l.quantity })),
      source: r.source,
      sourceLabel: RECEIPT_SOURCES[r.source][lang],
    })),
    may: { receive: pledgeState(pledge.status) !== 'ended', end: mayEnd(pledge.status), thank: thankedProblem(pledge) === null },
    today: vietnamDay(now),
  }
}

export type StaffReceiptResult = { created: boolean; receipt: { id: Id; number: string; receivedOn: string; amount: number | null }; status: string }

/**
 * Records a receipt from the officer's form (source `manual`, record key `form:<key>`): the same
 * form sent twice records one receipt and answers both times with it. Logged when it recorded one.
 */
export async function receiveByStaff(payload: Payload, req: PayloadRequest, pledgeId: Id, body: unknown, now = new Date()): Promise<StaffReceiptResult> {
  requireFundStaff(req)
  const input = parseStaffReceipt(body)
  if (input.receivedOn && receivedOnProblem(input.receivedOn, now)) throw new StaffError('receivedOnInvalid', 400)
  const before = await loadPledge(payload, pledgeId)
  const userId = req.user && req.user.collection === 'users' ? req.user.id : null
  let result: Awaited<ReturnType<typeof recordReceipt>>
  try {
    result = await recordReceipt(payload, {
      pledgeId: before.id,
      amount: input.amount ?? null,
      items: input.items,
      receivedOn: input.receivedOn,
      source: 'manual',
      recordKey: `form:${input.key}`,
      userId,
      now,
    })
  } catch (err) {
    if (err instanceof ReceiptRefused) throw receiptRefusal(err.problem)
    throw err
  }
  const { receipt, created } = result
  // a key is one form of one pledge: the same key sent for another pledge is not that receipt
  if (String(idOf(receipt.pledge)) !== String(before.id)) throw new StaffError('invalidInput', 400, { details: 'key' })
  if (created) await auditPledgeChange(payload, req, before, `receipt ${receipt.number} recorded for`)
  const after = await payload.findByID({ collection: 'pledges', id: before.id, depth: 0, select: { status: true } })
  return { created, receipt: { id: receipt.id, number: receipt.number, receivedOn: receipt.receivedOn.slice(0, 10), amount: receipt.amount ?? null }, status: after.status }
}

export type EndResult = { changed: boolean; status: string; freed: number }

/** Units of items this pledge holds in the drive's pools. */
async function unitsHeld(payload: Payload, pledge: Pledge): Promise<number> {
  const claimants = (pledge.items ?? []).map((l) => claimantOfLine(pledge.id, l.item))
  if (!claimants.length) return 0
  return (await payload.count({ collection: 'claims', where: { claimant: { in: claimants } } })).totalDocs
}

/**
 * Cancels a pledge or marks it lapsed (cms/services/pledges.ts `endPledge`): the units of items not
 * received go back to other donors at once. Refused for a pledge received in full; asking again
 * for the same end changes nothing; a pledge ended the other way stays as it is.
 */
export async function endByStaff(payload: Payload, req: PayloadRequest, pledgeId: Id, status: 'cancelled' | 'lapsed', now = new Date()): Promise<EndResult> {
  requireFundStaff(req)
  const before = await loadPledge(payload, pledgeId)
  if (before.status === status) return { changed: false, status, freed: 0 }
  if (pledgeState(before.status) === 'ended') throw new StaffError('pledgeEndedOtherwise', 409, { status: statusLabel(before.status, reqLang(req)) })
  if (!mayEnd(before.status)) throw new StaffError('pledgeAlreadyReceived', 409)
  const held = await unitsHeld(payload, before)
  await endPledge(payload, before.id, status, now)
  const freed = held - (await unitsHeld(payload, before))
  await auditPledgeChange(payload, req, before, `${status === 'cancelled' ? 'cancelled' : 'lapsed'} (${freed} item units freed)`)
  return { changed: true, status, freed }
}

/**
 * Marks as thanked a pledge received in full whose donor gave no email (the officer called them).
 * Donors with an email are thanked by the thank-you email and its receipt, never marked by hand.
 */
export async function thankedByStaff(payload: Payload, req: PayloadRequest, pledgeId: Id, now = new Date()): Promise<{ changed: boolean; status: string }> {
  requireFundStaff(req)
  const before = await loadPledge(payload, pledgeId)
  const changed = await oneAtATime(`pledge-change:${String(before.id)}`, async () => {
    const pledge = await loadPledge(payload, before.id)
    if (pledge.status === 'thanked') return false
    const problem = thankedProblem(pledge)
    if (problem) throw new StaffError(problem, 409)
    await markThanked(payload, pledge.id, now.toISOString())
    return true
  })
  if (changed) await auditPledgeChange(payload, req, before, 'thanked by phone:')
  return { changed, status: 'thanked' }
}

/** A receipt's PDF for an officer to print or send by hand; the download is logged. */
export async function receiptPdfForStaff(payload: Payload, req: PayloadRequest, receiptId: Id): Promise<{ filename: string; pdf: Buffer }> {
  requireFundStaff(req)
  const receipt = await payload.findByID({ collection: 'donation-receipts', id: receiptId, depth: 0, disableErrors: true, select: { number: true } })
  if (!receipt) throw new StaffError('receiptNotFound', 404)
  const { number, pdf } = await receiptPdfOf(payload, receipt.id)
  await audit(payload, { action: 'read-one', resource: 'donation-receipts', documentIds: [receipt.id], summary: `receipt ${number} (PDF)` }, req)
  return { filename: `bien-nhan-${number}.pdf`, pdf }
}
