/**
 * The public contest entry form (everything but the picture, which cms/services/artwork.ts
 * checks from its bytes), as one schema shared by the Astro Action and the entry service
 * (cms/services/entries.ts): the judge of every entry, whatever the browser did. Messages are
 * keys (ENTRY_MESSAGES). Unknown fields (a status, a category, an award sent by a crafted
 * request) are dropped, never stored: the category is worked out from the birth date.
 *
 * Consents: the guardian's for taking part is required, and the child's own from age 7 (checked
 * by the service, which knows the contest's day for ages). Publication with the child's given
 * name, family initial, age and commune is a separate, optional choice, again with the child's
 * own agreement from 7.
 */
import { z } from 'zod'
import { blankToUndefined, checkbox, id, issuesIn, optionalText, text, ZEmail, ZPhone } from './fields'
import { normaliseDay } from './day'
import { ENTRY_MESSAGES } from './entry-messages'

export { ENTRY_MESSAGES, type EntryMessageKey } from './entry-messages'

/** The birth date as typed (31/12/2016 or 2016-12-31), for the schema to check (cms/schemas/day.ts). */
export const dayFromForm = (raw: unknown): unknown => (typeof raw === 'string' ? normaliseDay(raw) : raw)

const day = z.preprocess(
  dayFromForm,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid-date')
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
    }, 'invalid-date'),
)

export const ZEntry = z.object({
  contestId: id,
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'invalid-form'),
  title: text(120),
  statement: z.preprocess(blankToUndefined, z.string().trim().max(600, 'too-long').regex(/^[^<>]*$/, 'invalid-characters').optional()),
  child: z.object({
    familyName: text(60),
    givenName: text(40),
    birthDate: day.refine((v) => {
      const age = (Date.now() - Date.parse(v)) / (365.25 * 24 * 3600 * 1000)
      return age >= 0 && age < 19
    }, 'birth-date-out-of-range'),
    school: text(150),
    className: optionalText(20),
    area: z.preprocess(blankToUndefined, id.optional()).refine((v) => v !== undefined, 'area-required'),
  }),
  submittedBy: z.enum(['guardian', 'school']).default('guardian'),
  /** The guardian, or the teacher sending a class's entries (who then vouches for the guardians' consents). */
  contact: z
    .object({
      name: text(80),
      phone: z.preprocess(blankToUndefined, ZPhone.optional()),
      email: z.preprocess(blankToUndefined, ZEmail.optional()),
    })
    .refine((g) => Boolean(g.phone || g.email), { message: 'contact-required', path: ['phone'] }),
  consent: z.object({
    participation: z.union([z.literal(true), z.literal('on'), z.literal('true')], 'consent-required').transform(() => true as const),
    /** the child's own agreement to take part (required from 7) */
    childAssent: checkbox,
    publication: checkbox,
    /** the child's own agreement to publication (required from 7 when publication is chosen) */
    publicationChild: checkbox,
  }),
})

export type TEntryForm = z.input<typeof ZEntry>
export type TEntry = z.output<typeof ZEntry>

/** Zod issues as { "field.path": "translated message" }, first message per field. */
export const entryErrors = (error: z.ZodError, lang: 'vi' | 'en'): Record<string, string> => issuesIn(error, ENTRY_MESSAGES, 'required', lang)
