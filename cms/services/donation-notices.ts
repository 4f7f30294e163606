/**
 * The donor's emails, queued in the outbox off the request's path: the pledge confirmation (a
 * pledge with an email address), and, for every receipt, the thank-you with its numbered PDF.
 * Each email has a dedupe key (`pledge:<id>`, `receipt:<id>`) and is marked on its record only
 * after it is queued, so a crash in between (after a receipt was recorded, before its email)
 * queues it on the next run — the server runs this at start and every minute — and never twice.
 * Donors who gave a phone number only get no email: fund officers see them in the "to call" list.
 */
import type { Payload } from 'payload'
import { pledgeConfirmation, thankYou } from '../email/donations'
import type { DonationReceipt, Drive, Pledge } from '../payload-types'
import { enqueueEmails } from './email/outbox'
import { asId, idOf, type Id } from './ids'
import { oneAtATime, processWideEmitter } from './process-wide'
import { HOLDING_STATUSES, paymentInstructions } from './pledges'
import { receiptPdf, type ReceiptDocument } from './receipt-pdf'
import { announceContentChange } from './content-events'

type Lang = 'vi' | 'en'
const LANGS: Lang[] = ['vi', 'en']

const due = processWideEmitter('donation-notices')
/** Says that pledges or receipts were stored whose emails are now due to be queued. */
export function donationsDue(): void {
  due.emit('due')
}
export function onDonationsDue(listener: () => void): () => void {
  due.on('due', listener)
  return () => due.off('due', listener)
}

async function driveIn(payload: Payload, id: Id): Promise<Record<Lang, Drive>> {
  const [vi, en] = await Promise.all(LANGS.map((locale) => payload.findByID({ collection: 'drives', id, locale, depth: 0 })))
  if (!vi || !en) throw new Error(`Drive ${id} not found`)
  return { vi, en }
}

const labelsOf = (drive: Record<Lang, Drive>, item: string) => ({
  vi: drive.vi.items?.find((i) => i.id === item)?.label ?? item,
  en: drive.en.items?.find((i) => i.id === item)?.label ?? item,
})

/** Queues the confirmation of pledges that have an email address and none queued yet. Returns how many. */
export async function queuePledgeConfirmations(payload: Payload, limit = 50): Promise<number> {
  const res = await payload.find({
    collection: 'pledges',
    where: { and: [{ status: { in: HOLDING_STATUSES } }, { pledgeNoticeQueuedAt: { exists: false } }, { 'donor.email': { exists: true } }] },
    sort: 'id',
    limit,
    depth: 0,
    pagination: false,
  })
  for (const p of res.docs) {
    const driveId = idOf(p.drive)
    if (!p.donor.email || driveId === null) continue
    const drive = await driveIn(payload, driveId)
    const email = pledgeConfirmation({
      to: p.donor.email,
      language: p.language === 'en' ? 'en' : 'vi',
      donorName: p.donor.name,
      reference: p.reference,
      drive: { title: { vi: drive.vi.title, en: drive.en.title }, dropOff: drive.vi.dropOff || drive.en.dropOff ? { vi: drive.vi.dropOff ?? '', en: drive.en.dropOff ?? drive.vi.dropOff ?? '' } : null },
      payment: paymentInstructions(drive.vi, p.reference, p.amount ?? null),
      items: (p.items ?? []).map((l) => ({ label: labelsOf(drive, l.item), quantity: l.quantity })),
      dedupeKey: `pledge:${p.id}`,
    })
    await enqueueEmails(payload, [email])
    await payload.db.updateOne({ collection: 'pledges', id: p.id, data: { pledgeNoticeQueuedAt: new Date().toISOString() }, returning: false })
  }
  return res.docs.length
}

const FUND_NAME: Record<Lang, string> = { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Support Fund" }

/** The receipt as its PDF says it, in the donor's language. */
export async function receiptDocument(payload: Payload, receipt: DonationReceipt, pledge: Pledge, lang: Lang): Promise<ReceiptDocument> {
  const driveId = idOf(receipt.drive) ?? idOf(pledge.drive) ?? 0
  const [drive, site] = await Promise.all([driveIn(payload, driveId), payload.findGlobal({ slug: 'site', locale: lang, depth: 0 })])
  const on = receipt.receivedOn.slice(0, 10)
  const account = drive.vi.account
  return {
    language: lang,
    number: receipt.number,
    issuedOn: receipt.createdAt,
    fund: {
      // a fresh install may have no site settings saved yet: the receipt still names the fund
      name: site.fund?.name || site.name || FUND_NAME[lang],
      address: site.fund?.address ?? undefined,
      phone: site.fund?.phone ?? undefined,
      email: site.fund?.email ?? undefined,
      taxCode: site.fund?.taxCode ?? undefined,
      account: account?.accountNumber ? { bankName: account.bankName ?? '', accountNumber: account.accountNumber, accountName: account.accountName ?? '' } : undefined,
    },
    donor: { name: pledge.donor.name, kind: pledge.donor.kind, contact: pledge.donor.email ?? pledge.donor.phone ?? undefined },
    drive: { title: drive[lang].title },
    pledgeReference: pledge.reference,
    money: receipt.amount ? { amount: receipt.amount, receivedOn: on } : undefined,
    items: (receipt.items ?? []).map((l) => ({ label: labelsOf(drive, l.item)[lang], quantity: l.quantity, unitValue: drive.vi.items?.find((i) => i.id === l.item)?.unitValue ?? null, receivedOn: on })),
    signer: site.fund?.signerName ? { name: site.fund.signerName, title: site.fund.signerTitle ?? '' } : undefined,
  }
}

/** The PDF of a stored receipt (also for staff to download). */
export async function receiptPdfOf(payload: Payload, receiptId: Id): Promise<{ number: string; pdf: Buffer }> {
  const receipt = await payload.findByID({ collection: 'donation-receipts', id: receiptId, depth: 0 })
  const pledge = await payload.findByID({ collection: 'pledges', id: idOf(receipt.pledge) ?? 0, depth: 0 })
  const lang: Lang = pledge.language === 'en' ? 'en' : 'vi'
  return { number: receipt.number, pdf: await receiptPdf(await receiptDocument(payload, receipt, pledge, lang)) }
}

/**
 * Queues the thank-you of receipts that have none queued yet (with the receipt's PDF), then
 * marks them; a pledge received in full and thanked moves to "thanked". Returns how many.
 */
export async function queueThankYous(payload: Payload, limit = 20): Promise<number> {
  const res = await payload.find({ collection: 'donation-receipts', where: { thankQueuedAt: { exists: false } }, sort: 'id', limit, depth: 0, pagination: false })
  for (const receipt of res.docs) {
    const pledgeId = idOf(receipt.pledge)
    if (pledgeId === null) continue
    await oneAtATime(`pledge-change:${String(pledgeId)}`, async () => {
      const pledge = await payload.findByID({ collection: 'pledges', id: pledgeId, depth: 0 })
      const lang: Lang = pledge.language === 'en' ? 'en' : 'vi'
      if (pledge.donor.email) {
        const document = await receiptDocument(payload, receipt, pledge, lang)
        const drive = await driveIn(payload, idOf(receipt.drive) ?? 0)
        const received = [
          ...(receipt.amount ? [{ vi: `${new Intl.NumberFormat('vi-VN').format(receipt.amount)} ₫`, en: `${new Intl.NumberFormat('en-GB').format(receipt.amount)} ₫` }] : []),
          ...(receipt.items ?? []).map((l) => {
            const label = labelsOf(drive, l.item)
            return { vi: `${l.quantity} × ${label.vi}`, en: `${l.quantity} × ${label.en}` }
          }),
        ]
        await enqueueEmails(payload, [
          thankYou({
            to: pledge.donor.email,
            language: lang,
            donorName: pledge.donor.name,
            reference: pledge.reference,
            receiptNumber: receipt.number,
            drive: { title: { vi: drive.vi.title, en: drive.en.title } },
            received,
            pdf: await receiptPdf(document),
            dedupeKey: `receipt:${receipt.id}`,
          }),
        ])
      }
      const now = new Date().toISOString()
      await payload.db.updateOne({ collection: 'donation-receipts', id: receipt.id, data: { thankQueuedAt: now }, returning: false })
      if (pledge.status === 'received' && pledge.donor.email) await markThanked(payload, pledge.id, now)
    })
  }
  return res.docs.length
}

/** A pledge received in full was thanked (by email with its receipt, or by an officer's call). */
export async function markThanked(payload: Payload, pledgeId: Id, at = new Date().toISOString()): Promise<void> {
  await payload.db.updateOne({ collection: 'pledges', id: asId(pledgeId), data: { status: 'thanked', thankedAt: at, updatedAt: at }, returning: false })
  announceContentChange({ source: 'pledges', id: pledgeId })
}

/** One run of the donor emails: confirmations first, then thank-yous. 'more' when a batch was full. */
export async function runDonationNotices(payload: Payload): Promise<{ confirmations: number; thankYous: number; more: boolean }> {
  const confirmations = await queuePledgeConfirmations(payload)
  const thankYous = await queueThankYous(payload)
  return { confirmations, thankYous, more: confirmations >= 50 || thankYous >= 20 }
}
