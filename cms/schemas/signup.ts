/**
 * The public sign-up form, as one schema shared by the Astro Action and the sign-up service: the
 * judge of every sign-up, whatever the browser did (the form's island only helps with a looser
 * check and shows the messages). Messages are keys (see SIGNUP_MESSAGES) translated where they
 * are shown.
 * Unknown fields (e.g. a status, seat or waitlist position sent by a crafted request) are
 * dropped, never stored.
 */
import parsePhoneNumberFromString from 'libphonenumber-js/max'
import { z } from 'zod'
import { SIGNUP_MESSAGES, type SignUpMessageKey } from './signup-messages'

export { SIGNUP_MESSAGES, type SignUpMessageKey } from './signup-messages'

const NO_LINE_BREAKS = /^[^\r\n<>]*$/
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const text = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too-long').regex(NO_LINE_BREAKS, 'invalid-characters')
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, 'too-long').regex(NO_LINE_BREAKS, 'invalid-characters').optional())
const id = z.union([z.number().int().positive(), z.string().regex(/^[A-Za-z0-9]{1,40}$/)]).transform((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v))
const checkbox = z
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

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid-date').refine((v) => !Number.isNaN(Date.parse(v)), 'invalid-date')

export const ZSignUpChild = z.object({
  familyName: text(60),
  givenName: text(40),
  birthDate: isoDay.refine((v) => {
    const age = (Date.now() - Date.parse(v)) / (365.25 * 24 * 3600 * 1000)
    return age >= 0 && age < 19
  }, 'birth-date-out-of-range'),
  school: optionalText(120),
  grade: optionalText(20),
  area: id.optional(),
  priorityGroup: z.enum(['poor', 'near-poor', 'special-circumstances', 'disability']).optional().or(z.literal('').transform(() => undefined)),
  assent: checkbox,
  photoConsent: checkbox,
})

export const ZSignUp = z.object({
  eventId: id,
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'invalid-form'),
  submittedBy: z.enum(['guardian', 'school']).default('guardian'),
  guardian: z
    .object({
      name: text(80),
      relationship: z.enum(['mother', 'father', 'grandparent', 'guardian', 'teacher'], 'required'),
      phone: z.preprocess(blankToUndefined, ZPhone.optional()),
      email: z.preprocess(blankToUndefined, ZEmail.optional()),
    })
    .refine((g) => Boolean(g.phone || g.email), { message: 'contact-required', path: ['phone'] }),
  guardianConsent: z.union([z.literal(true), z.literal('on'), z.literal('true')], 'consent-required').transform(() => true as const),
  children: z.array(ZSignUpChild).min(1, 'no-children').max(60, 'too-many-children'),
})

export type TSignUpForm = z.input<typeof ZSignUp>
export type TSignUp = z.output<typeof ZSignUp>

/** Zod issues as { "children.0.birthDate": "translated message" }, first message per field. */
export function signUpErrors(error: z.ZodError, lang: 'vi' | 'en'): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.')
    if (out[path]) continue
    const key = issue.message in SIGNUP_MESSAGES ? (issue.message as SignUpMessageKey) : 'required'
    out[path] = SIGNUP_MESSAGES[key][lang]
  }
  return out
}
