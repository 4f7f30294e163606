/**
 * The public sign-up form, as one schema shared by the Astro Action and the sign-up service: the
 * judge of every sign-up, whatever the browser did (the form's island only helps with a looser
 * check and shows the messages). Messages are keys (see SIGNUP_MESSAGES) translated where they
 * are shown.
 * Unknown fields (e.g. a status, seat or waitlist position sent by a crafted request) are
 * dropped, never stored.
 */
import { z } from 'zod'
import { SIGNUP_MESSAGES } from './signup-messages'

export { SIGNUP_MESSAGES, type SignUpMessageKey } from './signup-messages'

import { checkbox, id, isoDay, optionalText, text, blankToUndefined, ZEmail, ZPhone, issuesIn } from './fields'

export { ZEmail, ZPhone } from './fields'

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

/** Zod issues as { "field.path": "translated message" }, first message per field. */
export const signUpErrors = (error: z.ZodError, lang: 'vi' | 'en'): Record<string, string> => issuesIn(error, SIGNUP_MESSAGES, 'required', lang)
