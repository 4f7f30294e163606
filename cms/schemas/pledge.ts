/**
 * The public pledge form, as one schema shared by the Astro Action and the pledge service
 * (cms/services/pledges.ts): the judge of every pledge, whatever the browser did. Messages are
 * keys (PLEDGE_MESSAGES), translated where they are shown. Unknown fields (a status, a received
 * amount, a reference sent by a crafted request) are dropped, never stored.
 *
 * Amounts are whole đồng, typed the Vietnamese way or plainly: "500000", "500.000", "500,000",
 * "500 000", with or without "₫", "đ" or "VND". A separator must be followed by exactly three
 * digits, so "1,5" or "1.5" (a fraction, whatever the convention) is refused rather than guessed.
 */
import { z } from 'zod'
import { blankToUndefined, checkbox, id, text, ZEmail, ZPhone, issuesIn } from './fields'
import { PLEDGE_MESSAGES, type PledgeMessageKey } from './pledge-messages'

export { PLEDGE_MESSAGES, type PledgeMessageKey } from './pledge-messages'

/** The most one pledge may promise in money (10 billion ₫); larger gifts go through the fund's office. */
export const MAX_PLEDGE_AMOUNT = 10_000_000_000
export const MIN_PLEDGE_AMOUNT = 1_000
export const MAX_ITEM_QUANTITY = 100_000
export const DONOR_KINDS = ['person', 'organisation', 'group'] as const

/** A typed amount → whole đồng, or the message key of what is wrong with it. */
export function parseAmount(raw: string | number): number | PledgeMessageKey {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : 'amount-fractional'
  const text = raw.normalize('NFC').trim().replace(/\s*(₫|đ|đồng|vnd|vnđ)\.?$/i, '').trim()
  if (/^-/.test(text)) return 'amount-not-positive'
  if (/^\d+$/.test(text)) return Number(text)
  if (/^\d{1,3}(?:([.,  ])\d{3})(?:\1\d{3})*$/.test(text)) return Number(text.replace(/\D/g, ''))
  if (/^\d+(?:[.,]\d+)$/.test(text) || /^\d[\d., ]*[.,]\d{1,2}$/.test(text)) return 'amount-fractional'
  return 'amount-not-number'
}

const amount = z.union([z.string().max(40, 'amount-not-number'), z.number()]).transform((v, ctx) => {
  const parsed = parseAmount(v)
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed })
    return z.NEVER
  }
  if (parsed <= 0) ctx.addIssue({ code: 'custom', message: 'amount-not-positive' })
  else if (parsed < MIN_PLEDGE_AMOUNT) ctx.addIssue({ code: 'custom', message: 'amount-too-small' })
  else if (parsed > MAX_PLEDGE_AMOUNT) ctx.addIssue({ code: 'custom', message: 'amount-too-large' })
  return parsed
})

const quantity = z.union([z.string().max(12, 'quantity-invalid'), z.number()]).transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : v.trim()
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    ctx.addIssue({ code: 'custom', message: 'quantity-invalid' })
    return z.NEVER
  }
  const n = Number(text)
  if (n > MAX_ITEM_QUANTITY) ctx.addIssue({ code: 'custom', message: 'quantity-too-large' })
  return n
})

/** An item of the drive: the id of its row in the drive's item list. */
export const ITEM_KEY = /^[A-Za-z0-9_-]{1,40}$/

export const ZPledge = z
  .object({
    driveId: id,
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'invalid-form'),
    donor: z
      .object({
        kind: z.enum(DONOR_KINDS, 'required'),
        name: text(120),
        phone: z.preprocess(blankToUndefined, ZPhone.optional()),
        email: z.preprocess(blankToUndefined, ZEmail.optional()),
      })
      .refine((d) => Boolean(d.phone || d.email), { message: 'contact-required', path: ['phone'] }),
    /** The donor agrees to be named on the drive's public donor list (otherwise counted as anonymous). */
    listed: checkbox,
    amount: z.preprocess(blankToUndefined, amount.optional()),
    items: z
      .array(z.object({ item: z.string().regex(ITEM_KEY, 'unknown-item'), quantity }))
      .max(30, 'too-long')
      .default([])
      .superRefine((items, ctx) => {
        const seen = new Set<string>()
        items.forEach((line, i) => {
          if (seen.has(line.item)) ctx.addIssue({ code: 'custom', message: 'item-twice', path: [i, 'quantity'] })
          seen.add(line.item)
        })
      }),
    message: z.preprocess(blankToUndefined, z.string().trim().max(500, 'too-long').regex(/^[^<>]*$/, 'invalid-characters').optional()),
  })
  .refine((p) => p.amount !== undefined || p.items.length > 0, { message: 'nothing-pledged', path: ['amount'] })

export type TPledgeForm = z.input<typeof ZPledge>
export type TPledge = z.output<typeof ZPledge>

/** Zod issues as { "field.path": "translated message" }, first message per field. */
export const pledgeErrors = (error: z.ZodError, lang: 'vi' | 'en'): Record<string, string> => issuesIn(error, PLEDGE_MESSAGES, 'required', lang)
