/**
 * Fields every public form's schema is made of (sign-up, pledge): short text without line
 * breaks or markup, ids, checkboxes as browsers send them, Vietnamese phone numbers and email
 * addresses. Messages are keys, translated where they are shown.
 */
import parsePhoneNumberFromString from 'libphonenumber-js/max'
import { z } from 'zod'

export const NO_LINE_BREAKS = /^[^\r\n<>]*$/
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
export const text = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too-long').regex(NO_LINE_BREAKS, 'invalid-characters')
export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, 'too-long').regex(NO_LINE_BREAKS, 'invalid-characters').optional())
export const id = z.union([z.number().int().positive(), z.string().regex(/^[A-Za-z0-9]{1,40}$/)]).transform((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v))
export const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

/** A Vietnamese phone number (mobile or landline), normalised to +84…; other countries with their + prefix. */
export const ZPhone = z
  .string()
  .trim()
  .regex(NO_LINE_BREAKS, 'invalid-characters')
  .transform((v, ctx) => {
    const parsed = parsePhoneNumberFromString(v, 'VN')
    if (!parsed?.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'invalid-phone' })
      return z.NEVER
    }
    return parsed.number
  })

export const ZEmail = z.string().trim().toLowerCase().max(254, 'too-long').pipe(z.email('invalid-email'))

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid-date').refine((v) => !Number.isNaN(Date.parse(v)), 'invalid-date')


type Messages = Record<string, { vi: string; en: string }>

/** Zod issues as { "children.0.birthDate": "translated message" }, first message per field; a message the table does not know reads as `fallback`. */
export function issuesIn<M extends Messages>(error: z.ZodError, messages: M, fallback: keyof M, lang: 'vi' | 'en'): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.')
    if (out[path]) continue
    const key: keyof M = issue.message in messages ? issue.message : fallback
    out[path] = messages[key]?.[lang] ?? ''
  }
  return out
}
