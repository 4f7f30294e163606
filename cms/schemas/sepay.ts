/**
 * The body of a SePay webhook. SePay (sepay.vn) watches the office's bank account and, for every
 * balance change, POSTs one JSON object to our URL. Documented at
 * https://developer.sepay.vn/en/sepay-webhooks/bat-dau-nhanh (sample body and fields),
 * https://developer.sepay.vn/en/sepay-webhooks/xac-thuc (authentication) and
 * https://developer.sepay.vn/en/sepay-webhooks/xu-ly-loi (retries). The sample:
 *
 *   { "id": 92704, "gateway": "Vietcombank", "transactionDate": "2023-03-25 14:02:37",
 *     "accountNumber": "0123499999", "code": null, "content": "chuyen tien mua iphone",
 *     "transferType": "in", "transferAmount": 2277000, "accumulated": 19077000,
 *     "subAccount": null, "referenceCode": "MBVCB.3278907687", "description": "" }
 *
 * - `id` is SePay's transaction id: the key for deduplication, since a delivery that got no 2xx
 *   answer is sent again (up to 7 retries at Fibonacci intervals, about 33 minutes in all).
 * - `transactionDate` is Vietnam wall-clock time (UTC+7) without an offset.
 * - `code` is the payment code SePay recognised in the note (by the company's configured code
 *   pattern), null when none; we still read `content` ourselves, because a donor's pledge
 *   reference need not fit SePay's pattern.
 * - `content` is the transfer note; `description` the bank's full message (optional).
 * - `accumulated` is the balance after the movement; `subAccount` the virtual account, if any.
 *
 * Tolerant where SePay is loose: unknown fields are dropped, numbers may come as numeric strings,
 * and the optional text fields may be null. Messages are keys, as in the sign-up schema.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { parseVietnamDateTime, type IncomingTransfer } from '../services/bank-transfer'

/** "2277000", " 2277000 ", "2277000.00" → 2277000; anything else is left for z.number() to refuse. */
const numericString = (v: unknown) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v)
const wholeNumber = (message: string) => z.preprocess(numericString, z.number(message).int(message))
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? null)

export const ZSepayNotification = z.object({
  id: wholeNumber('invalid-id').pipe(z.number().positive('invalid-id')),
  gateway: z.string('required'),
  transactionDate: z.string('required').refine((v) => parseVietnamDateTime(v) !== null, 'invalid-date'),
  /** A number-typed account would lose its leading zeros; strings are the documented form. */
  accountNumber: z.union([z.string(), z.number()], 'required').transform(String),
  subAccount: optionalText,
  code: optionalText,
  /** The note can be empty (a transfer without one); null is read as empty. */
  content: z
    .string()
    .nullable()
    .transform((v) => v ?? ''),
  transferType: z.enum(['in', 'out'], 'invalid-transfer-type'),
  transferAmount: wholeNumber('invalid-amount').pipe(z.number().positive('invalid-amount')),
  accumulated: z.preprocess(numericString, z.number('invalid-amount').nullish()),
  referenceCode: optionalText,
  description: optionalText,
})

export type TSepayNotificationInput = z.input<typeof ZSepayNotification>
export type TSepayNotification = z.output<typeof ZSepayNotification>

/** A parsed SePay notification in the project's neutral shape. */
export function toIncomingTransfer(n: TSepayNotification): IncomingTransfer {
  const bookedAt = parseVietnamDateTime(n.transactionDate)
  // The schema already refused unreadable dates; this keeps the function total for hand-made input.
  if (bookedAt === null) throw new RangeError(`SePay transactionDate is not a date: ${n.transactionDate}`)
  const note = n.content.trim() || (n.description ?? '').trim()
  return {
    source: 'sepay',
    transactionId: String(n.id),
    bookedAt,
    accountNumber: n.accountNumber.trim() || null,
    amount: n.transferAmount,
    direction: n.transferType,
    note,
    bankReference: n.referenceCode?.trim() || null,
    gateway: n.gateway.trim() || null,
  }
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/**
 * Whether a request carries the webhook's API key. With "API Key" authentication SePay sends
 * `Authorization: Apikey <key>` on every delivery. The scheme is read case-insensitively and
 * spaces around the key are ignored. Both sides are hashed first, so the comparison takes the
 * same time whatever the given key's length or content. An empty configured key never matches
 * (an unset environment variable must not open the endpoint).
 */
export function sepayKeyMatches(header: string | null | undefined, key: string): boolean {
  const expected = key.trim()
  if (!expected || !header) return false
  const m = /^\s*apikey\s+(.*?)\s*$/i.exec(header)
  const given = m?.[1]
  if (!given) return false
  return timingSafeEqual(digest(given), digest(expected))
}
