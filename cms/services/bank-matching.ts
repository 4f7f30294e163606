/**
 * Reconciliation: from "money moved on the fund's account" (an IncomingTransfer, from a SePay
 * notification or a line of an uploaded bank statement) to "this pledge received this much"
 * (a numbered receipt, cms/services/receipts.ts).
 *
 * A transfer is stored once as a `bank-transfers` row, under a unique key (`sepay:<SePay id>`,
 * `statement:<hash of the line>`), then:
 * - money going out (fees, refunds, our own payments) is kept as `ignored`;
 * - money coming in is matched to a pledge by the reference the donor wrote in the transfer note
 *   (`TT-7K3QX`, however the banking app mangled it: cms/services/pledge-reference.ts), and the
 *   transfer's whole amount is recorded as a receipt for that pledge; the transfer is `matched`;
 * - a transfer that cannot be matched with certainty stays `unmatched`, with the reason, until a
 *   fund officer assigns it to the pledge it pays (assignTransfer): no reference in the note, a
 *   reference no pledge has, two pledges' references, a pledge that was cancelled or lapsed, or
 *   money that reached another account than the one the pledge's drive asked for.
 *
 * Every step can run again. The bank, SePay (7 retries when we do not answer 2xx) and staff
 * uploading overlapping statements all send the same transaction more than once, and a crash can
 * stop us between two writes. A second arrival finds the row by its key and finishes what is
 * left: the receipt's record key is `transfer:<key>`, so recording it again finds the first.
 *
 * The same bank movement can reach us both ways (SePay today, the month's statement later). The
 * bank's own reference (`bankReference`, e.g. FT26365123456789) is what the two share: a line
 * whose bank reference, direction and amount are those of a transfer already stored is that
 * transfer, and records nothing new.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { checkRole } from '../access/roles'
import type { BankTransfer, Pledge } from '../payload-types'
import { audit } from './audit'
import type { IncomingTransfer } from './bank-transfer'
import { vietnamDay } from './drives'
import { uniqueViolationOn } from './errors'
import { asId, idOf, type Id } from './ids'
import { matchReference, normalizeReference, referencesIn } from './pledge-reference'
import { oneAtATime } from './process-wide'
import { recordReceipt, ReceiptRefused, type ReceiptProblem } from './receipts'
import { StaffError } from './staff'

/** Why a transfer waits for a person (labels for the admin list). */
export const UNMATCHED_REASONS = {
  'no-reference': { vi: 'Nội dung không có mã ủng hộ', en: 'No pledge reference in the note' },
  'unknown-reference': { vi: 'Mã ủng hộ không có trong hệ thống', en: 'The reference is not a known pledge' },
  ambiguous: { vi: 'Có mã của nhiều cam kết', en: 'References of several pledges' },
  'pledge-ended': { vi: 'Cam kết đã huỷ hoặc hết hạn', en: 'The pledge was cancelled or lapsed' },
  'account-mismatch': { vi: 'Chuyển vào tài khoản khác của đợt vận động', en: "Paid into another account than the drive's" },
  'amount-invalid': { vi: 'Số tiền không ghi nhận được', en: 'The amount cannot be recorded' },
} as const
export type UnmatchedReason = keyof typeof UNMATCHED_REASONS

export type TransferStatus = BankTransfer['status']

export type ReceiveResult = {
  status: TransferStatus
  transferId: Id
  pledgeId?: Id
  receiptId?: Id
  reason?: UnmatchedReason
  /** The transaction had arrived before (same key, or the same bank movement from the other source). */
  duplicate: boolean
}

/** The unique key of a transfer: its source and the source's own transaction id. */
export const transferKey = (t: Pick<IncomingTransfer, 'source' | 'transactionId'>) => `${t.source}:${t.transactionId}`
/** One receipt per transfer, whoever matched it (the server or an officer). */
export const transferRecordKey = (key: string) => `transfer:${key}`
/** Both arrivals of one bank movement go through one lane (the bank reference when known). */
const laneOf = (t: { bankReference?: string | null; key: string }) => `bank-transfer:${t.bankReference?.trim() || t.key}`

const receiptSource = (source: IncomingTransfer['source']) => (source === 'sepay' ? 'bank-transfer' : 'statement')

/** Account numbers compare on their letters and digits only ("0071 0012 34567" = "0071001234567"). */
const accountOf = (v: string | null | undefined) => (v ?? '').replace(/[^0-9A-Za-z]/g, '').toUpperCase()

type PledgeRow = Pick<Pledge, 'id' | 'reference' | 'status' | 'drive'>

/** What the note of a transfer points at: one pledge, or why none. */
export type NoteMatch = { pledge: PledgeRow } | { reason: 'no-reference' | 'unknown-reference' | 'ambiguous' }

/**
 * Reads the pledge references in many notes and looks all their candidates up among stored
 * pledges, in one query per 500 candidates. A note's glued-on bank ids can give false readings
 * ("MBVCB.123.TT7K3QX" also reads as TT-7K3QX only, but "TTT7K3QX" reads two ways): only a
 * reading that is a stored pledge's reference counts, and two different ones make it ambiguous.
 */
export async function matchNotes(payload: Payload, notes: string[]): Promise<NoteMatch[]> {
  const candidates = [...new Set(notes.flatMap((n) => referencesIn(n)))]
  const known = new Map<string, PledgeRow>()
  for (let i = 0; i < candidates.length; i += 500) {
    const res = await payload.find({
      collection: 'pledges',
      where: { reference: { in: candidates.slice(i, i + 500) } },
      limit: 0,
      pagination: false,
      depth: 0,
      select: { reference: true, status: true, drive: true },
    })
    for (const p of res.docs) known.set(p.reference, p)
  }
  return notes.map((note) => {
    const found = referencesIn(note)
    if (!found.length) return { reason: 'no-reference' }
    const reference = matchReference(note, (r) => known.has(r))
    const pledge = reference ? known.get(reference) : undefined
    if (pledge) return { pledge }
    return { reason: found.filter((r) => known.has(r)).length > 1 ? 'ambiguous' : 'unknown-reference' }
  })
}

/** The account a pledge's drive asked donors to pay into, if it names one. */
async function driveAccount(payload: Payload, pledge: PledgeRow): Promise<string> {
  const driveId = idOf(pledge.drive)
  if (driveId === null) return ''
  const drive = await payload.findByID({ collection: 'drives', id: asId(driveId), depth: 0, disableErrors: true, select: { account: true } })
  return accountOf(drive?.account?.accountNumber)
}

/**
 * The transfer already stored for this transaction: the same key, or (from the other source)
 * the same bank reference, direction and amount.
 */
async function storedFor(payload: Payload, transfer: IncomingTransfer): Promise<BankTransfer | null> {
  const sameBankMovement: Where[] = transfer.bankReference
    ? [{ and: [{ bankReference: { equals: transfer.bankReference } }, { direction: { equals: transfer.direction } }, { amount: { equals: transfer.amount } }, { source: { not_equals: transfer.source } }] }]
    : []
  const res = await payload.find({ collection: 'bank-transfers', where: { or: [{ key: { equals: transferKey(transfer) } }, ...sameBankMovement] }, limit: 1, depth: 0, pagination: false, sort: 'createdAt' })
  return res.docs[0] ?? null
}

export type ReceiveOptions = { now?: Date }

/**
 * Takes one transfer as the bank reported it: stores it once, and records the receipt of a
 * matched one. Safe to call any number of times, at once or after a crash: the transaction is
 * stored and recorded once.
 */
export async function receiveTransfer(payload: Payload, transfer: IncomingTransfer, opts: ReceiveOptions = {}): Promise<ReceiveResult> {
  const key = transferKey(transfer)
  return oneAtATime(laneOf({ bankReference: transfer.bankReference, key }), async () => {
    let row = await storedFor(payload, transfer)
    const duplicate = row !== null
    if (!row) {
      try {
        row = await payload.create({
          collection: 'bank-transfers',
          depth: 0,
          data: {
            key,
            source: transfer.source,
            bookedAt: transfer.bookedAt,
            amount: transfer.amount,
            direction: transfer.direction,
            note: transfer.note,
            accountNumber: transfer.accountNumber,
            gateway: transfer.gateway,
            bankReference: transfer.bankReference,
            // money out is never a gift; money in waits as unmatched until it is matched below
            status: transfer.direction === 'out' ? 'ignored' : 'unmatched',
          },
        })
      } catch (err) {
        // another server process stored it at the same moment: finish from its row
        if (uniqueViolationOn(err) !== 'key') throw err
        row = await storedFor(payload, transfer)
        if (!row) throw err
        return settle(payload, row, true, opts)
      }
    }
    return settle(payload, row, duplicate, opts)
  })
}

/** Brings a stored transfer to where it belongs: ignored, matched with its receipt, or unmatched with the reason. */
async function settle(payload: Payload, row: BankTransfer, duplicate: boolean, opts: ReceiveOptions): Promise<ReceiveResult> {
  const base = { transferId: row.id, duplicate }
  if (row.direction === 'out' || row.status === 'ignored') return { ...base, status: 'ignored' }
  if (row.status === 'matched') return { ...base, status: 'matched', pledgeId: idOf(row.pledge) ?? undefined, receiptId: idOf(row.receipt) ?? undefined }

  const [found] = await matchNotes(payload, [row.note ?? ''])
  if (!found || 'reason' in found) return unmatched(payload, row, found?.reason ?? 'no-reference', duplicate)
  const pledge = found.pledge
  const expected = await driveAccount(payload, pledge)
  if (expected && row.accountNumber && accountOf(row.accountNumber) !== expected) return unmatched(payload, row, 'account-mismatch', duplicate, pledge.id)
  return recordFor(payload, row, pledge.id, { duplicate, now: opts.now })
}

/** Records the transfer's receipt for a pledge and marks the transfer matched; a refusal leaves it unmatched with why. */
async function recordFor(payload: Payload, row: BankTransfer, pledgeId: Id, opts: { duplicate: boolean; userId?: Id | null; now?: Date; byOfficer?: boolean }): Promise<ReceiveResult> {
  let receiptId: Id
  try {
    const { receipt } = await recordReceipt(payload, {
      pledgeId,
      amount: row.amount,
      receivedOn: vietnamDay(new Date(row.bookedAt)),
      source: receiptSource(row.source),
      transferId: row.id,
      recordKey: transferRecordKey(row.key),
      userId: opts.userId ?? null,
      now: opts.now,
    })
    receiptId = receipt.id
  } catch (err) {
    // an officer's refused choice leaves the transfer as it was: they are told why and choose again
    if (!(err instanceof ReceiptRefused) || opts.byOfficer) throw err
    return unmatched(payload, row, reasonOf(err.problem), opts.duplicate, pledgeId)
  }
  await payload.update({ collection: 'bank-transfers', id: row.id, depth: 0, data: { status: 'matched', reason: null, pledge: asId(pledgeId), receipt: asId(receiptId) } })
  return { status: 'matched', transferId: row.id, pledgeId, receiptId, duplicate: opts.duplicate }
}

function reasonOf(problem: ReceiptProblem): UnmatchedReason {
  if (problem === 'pledge-ended') return 'pledge-ended'
  if (problem === 'pledge-not-found') return 'unknown-reference'
  return 'amount-invalid'
}

async function unmatched(payload: Payload, row: BankTransfer, reason: UnmatchedReason, duplicate: boolean, pledgeId?: Id): Promise<ReceiveResult> {
  const pledge = pledgeId === undefined ? null : asId(pledgeId)
  if (row.reason !== reason || idOf(row.pledge) !== pledge) {
    // the pledge a note named is kept beside the reason (pledge ended, other account): the officer sees which it was
    await payload.update({ collection: 'bank-transfers', id: row.id, depth: 0, data: { status: 'unmatched', reason, pledge } })
  }
  return { status: 'unmatched', transferId: row.id, reason, duplicate, ...(pledgeId === undefined ? {} : { pledgeId }) }
}

/** Fund officers and admins reconcile transfers. */
export const canReconcile = (user: PayloadRequest['user']) => checkRole(['admin', 'fund'], user)

/**
 * A fund officer says which pledge an unmatched transfer pays (the donor forgot the reference,
 * mistyped it, or wrote two): the transfer's whole amount is recorded as that pledge's receipt,
 * under the same record key the server would have used, so it is recorded once whoever gets
 * there first. Refused for money going out, a transfer already matched, and a pledge that
 * ended. Written to the audit log.
 */
export async function assignTransfer(payload: Payload, transferId: Id, pledgeReference: string, req: PayloadRequest): Promise<ReceiveResult & { pledgeReference: string; receiptNumber: string }> {
  if (!canReconcile(req.user)) throw new StaffError('fundOnly', 403)
  const first = await payload.findByID({ collection: 'bank-transfers', id: asId(transferId), depth: 0, disableErrors: true })
  if (!first) throw new StaffError('transferNotFound', 404)
  const reference = normalizeReference(pledgeReference)
  if (!reference) throw new StaffError('referenceInvalid', 400)
  const found = await payload.find({ collection: 'pledges', where: { reference: { equals: reference } }, limit: 1, depth: 0, pagination: false, select: { reference: true, status: true } })
  const pledge = found.docs[0]
  if (!pledge) throw new StaffError('pledgeReferenceNotFound', 404, { reference })

  return oneAtATime(laneOf(first), async () => {
    const row = await payload.findByID({ collection: 'bank-transfers', id: asId(transferId), depth: 0 })
    if (row.direction === 'out' || row.status === 'ignored') throw new StaffError('transferOutgoing', 409)
    if (row.status === 'matched') throw new StaffError('transferMatched', 409)
    const user = req.user && req.user.collection === 'users' ? req.user.id : null
    let result: ReceiveResult
    try {
      result = await recordFor(payload, row, pledge.id, { duplicate: false, userId: user, byOfficer: true })
    } catch (err) {
      if (err instanceof ReceiptRefused) throw new StaffError(err.problem === 'pledge-ended' ? 'assignPledgeEnded' : 'assignRefused', 409, { reference })
      throw err
    }
    if (result.receiptId === undefined) throw new StaffError('assignRefused', 409, { reference })
    const receipt = await payload.findByID({ collection: 'donation-receipts', id: asId(result.receiptId), depth: 0, select: { number: true } })
    await audit(
      payload,
      {
        action: 'assign-transfer',
        resource: 'bank-transfers',
        documentIds: [row.id],
        summary: `transfer ${row.key} (${row.amount} đ) → pledge ${reference}, receipt ${receipt.number}`,
        fields: ['status', 'pledge', 'receipt'],
        changes: { status: { before: row.status, after: 'matched' } },
      },
      req,
    )
    return { ...result, pledgeReference: reference, receiptNumber: receipt.number }
  })
}

/** What a statement line will do (preview) or did (import). */
export type StatementRowOutcome =
  /** stored before (this statement, an overlapping one, or SePay's notification of the same movement) */
  | 'recorded-before'
  /** new, and its note names a pledge: a receipt is recorded */
  | 'new-matched'
  /** new, and waits for an officer (with the reason) */
  | 'new-unmatched'

export type StatementRow = {
  /** Position among the statement's movements (1-based), in file order. */
  line: number
  transactionId: string
  bookedAt: string
  amount: number
  note: string
  bankReference: string | null
  outcome: StatementRowOutcome
  /** The pledge it is (or would be) recorded for. */
  pledgeReference: string | null
  reason: UnmatchedReason | null
  /** After an import: what was stored. */
  result?: { status: TransferStatus; transferId: Id; receiptNumber: string | null; duplicate: boolean }
}

export type StatementReport = {
  mode: 'preview' | 'import'
  accountNumber: string | null
  rows: StatementRow[]
  /** Lines that are not gifts: the parser's (balances, totals, unreadable) and money going out. */
  skipped: { row: number | null; line: number | null; reason: string }[]
  totals: { rows: number; recordedBefore: number; matched: number; unmatched: number; matchedAmount: number }
}

const chunks = <T>(list: T[], size = 500): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size))

/**
 * What importing a statement would do, line by line, writing nothing: the money-in lines with
 * their outcome, and the lines that are not gifts with why. The same rules as receiveTransfer,
 * read in bulk (one query per 500 keys, bank references and pledge references).
 */
export async function previewStatement(payload: Payload, parse: { accountNumber: string | null; transfers: IncomingTransfer[]; skipped: { row: number; reason: string }[] }): Promise<StatementReport> {
  const lines = parse.transfers.map((transfer, i) => ({ transfer, line: i + 1 }))
  const incoming = lines.filter((l) => l.transfer.direction === 'in')
  const stored = new Map<string, BankTransfer>()
  const byBankReference = new Map<string, BankTransfer[]>()
  for (const part of chunks(incoming)) {
    const refs = part.map((l) => l.transfer.bankReference).filter((r): r is string => !!r)
    const res = await payload.find({
      collection: 'bank-transfers',
      where: { or: [{ key: { in: part.map((l) => transferKey(l.transfer)) } }, ...(refs.length ? [{ bankReference: { in: refs } }] : [])] },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    for (const row of res.docs) {
      stored.set(row.key, row)
      if (row.bankReference) byBankReference.set(row.bankReference, [...(byBankReference.get(row.bankReference) ?? []), row])
    }
  }
  const earlier = (t: IncomingTransfer) =>
    stored.get(transferKey(t)) ?? byBankReference.get(t.bankReference ?? '')?.find((r) => r.source !== t.source && r.direction === t.direction && r.amount === t.amount) ?? null

  const matches = await matchNotes(payload, incoming.map((l) => l.transfer.note))
  const pledgeIds = [...new Set([...stored.values()].map((r) => idOf(r.pledge)).filter((id): id is Id => id !== null))]
  const referenceOf = new Map<string, string>()
  for (const part of chunks(pledgeIds)) {
    const res = await payload.find({ collection: 'pledges', where: { id: { in: part } }, limit: 0, pagination: false, depth: 0, select: { reference: true } })
    for (const p of res.docs) referenceOf.set(String(p.id), p.reference)
  }
  const driveIds = [...new Set(matches.flatMap((m) => ('pledge' in m ? [idOf(m.pledge.drive)] : [])).filter((id): id is Id => id !== null))]
  const accounts = new Map<string, string>()
  for (const part of chunks(driveIds)) {
    const res = await payload.find({ collection: 'drives', where: { id: { in: part } }, limit: 0, pagination: false, depth: 0, select: { account: true } })
    for (const d of res.docs) accounts.set(String(d.id), accountOf(d.account?.accountNumber))
  }

  const rows = incoming.map(({ transfer, line }, i): StatementRow => {
    const base = { line, transactionId: transfer.transactionId, bookedAt: transfer.bookedAt, amount: transfer.amount, note: transfer.note, bankReference: transfer.bankReference }
    const before = earlier(transfer)
    if (before) {
      const pledgeId = idOf(before.pledge)
      return { ...base, outcome: 'recorded-before', pledgeReference: pledgeId === null ? null : (referenceOf.get(String(pledgeId)) ?? null), reason: before.reason ?? null }
    }
    const match = matches[i]
    if (!match || 'reason' in match) return { ...base, outcome: 'new-unmatched', pledgeReference: null, reason: match?.reason ?? 'no-reference' }
    const { pledge } = match
    if (pledge.status === 'cancelled' || pledge.status === 'lapsed') return { ...base, outcome: 'new-unmatched', pledgeReference: pledge.reference, reason: 'pledge-ended' }
    const expected = accounts.get(String(idOf(pledge.drive))) ?? ''
    if (expected && transfer.accountNumber && accountOf(transfer.accountNumber) !== expected) return { ...base, outcome: 'new-unmatched', pledgeReference: pledge.reference, reason: 'account-mismatch' }
    return { ...base, outcome: 'new-matched', pledgeReference: pledge.reference, reason: null }
  })
  const skipped = [
    ...parse.skipped.map((s) => ({ row: s.row, line: null, reason: s.reason })),
    ...lines.filter((l) => l.transfer.direction === 'out').map((l) => ({ row: null, line: l.line, reason: `money out (${l.transfer.amount} đ): kept as ignored` })),
  ]
  return { mode: 'preview', accountNumber: parse.accountNumber, rows, skipped, totals: totalsOf(rows) }
}

function totalsOf(rows: StatementRow[]): StatementReport['totals'] {
  const outcome = (r: StatementRow) => (r.result ? (r.result.duplicate ? 'recorded-before' : r.result.status === 'matched' ? 'new-matched' : 'new-unmatched') : r.outcome)
  return {
    rows: rows.length,
    recordedBefore: rows.filter((r) => outcome(r) === 'recorded-before').length,
    matched: rows.filter((r) => outcome(r) === 'new-matched').length,
    unmatched: rows.filter((r) => outcome(r) === 'new-unmatched').length,
    matchedAmount: rows.filter((r) => outcome(r) === 'new-matched').reduce((sum, r) => sum + r.amount, 0),
  }
}

/**
 * Imports a statement: every line through receiveTransfer (money going out is kept as ignored),
 * one after another, then the same rows as the preview with what was stored. Importing the same
 * or an overlapping statement again records nothing twice: a line's transaction id is a hash of
 * what the bank printed on it (cms/services/bank-statement.ts).
 */
export async function importStatement(
  payload: Payload,
  parse: { accountNumber: string | null; transfers: IncomingTransfer[]; skipped: { row: number; reason: string }[] },
  req: PayloadRequest,
): Promise<StatementReport> {
  if (!canReconcile(req.user)) throw new StaffError('fundOnly', 403)
  const preview = await previewStatement(payload, parse)
  const byId = new Map(preview.rows.map((r) => [r.transactionId, r]))
  const results = new Map<string, ReceiveResult>()
  for (const transfer of parse.transfers) results.set(transfer.transactionId, await receiveTransfer(payload, transfer))
  const receiptIds = [...results.values()].map((r) => r.receiptId).filter((id): id is Id => id !== undefined)
  const numbers = new Map<string, string>()
  for (const part of chunks(receiptIds)) {
    const res = await payload.find({ collection: 'donation-receipts', where: { id: { in: part } }, limit: 0, pagination: false, depth: 0, select: { number: true } })
    for (const r of res.docs) numbers.set(String(r.id), r.number)
  }
  const pledgeIds = [...new Set([...results.values()].map((r) => r.pledgeId).filter((id): id is Id => id !== undefined))]
  const references = new Map<string, string>()
  for (const part of chunks(pledgeIds)) {
    const res = await payload.find({ collection: 'pledges', where: { id: { in: part } }, limit: 0, pagination: false, depth: 0, select: { reference: true } })
    for (const p of res.docs) references.set(String(p.id), p.reference)
  }
  const rows = [...byId.values()].map((row): StatementRow => {
    const r = results.get(row.transactionId)
    if (!r) return row
    return {
      ...row,
      pledgeReference: r.pledgeId === undefined ? row.pledgeReference : (references.get(String(r.pledgeId)) ?? row.pledgeReference),
      reason: r.reason ?? (r.status === 'matched' ? null : row.reason),
      result: { status: r.status, transferId: r.transferId, receiptNumber: r.receiptId === undefined ? null : (numbers.get(String(r.receiptId)) ?? null), duplicate: r.duplicate },
    }
  })
  const totals = totalsOf(rows)
  const stored = [...results.values()].filter((r) => !r.duplicate).map((r) => r.transferId)
  await audit(
    payload,
    {
      action: 'import-statement',
      resource: 'bank-transfers',
      documentIds: stored,
      summary: `statement ${parse.accountNumber ?? ''}: ${totals.rows} money-in lines, ${totals.matched} matched (${totals.matchedAmount} đ), ${totals.unmatched} unmatched, ${totals.recordedBefore} recorded before`,
    },
    req,
  )
  return { ...preview, mode: 'import', rows, totals }
}
