/**
 * The sign-up form's values as the browser holds them, and the light help the island gives
 * before sending: fields left empty, no way to reach the family, a phone number or an email
 * address that cannot be one, no consent. Deliberately looser than the shared schema
 * (cms/schemas/signup.ts), which the server applies to everything sent: what passes here may
 * still be refused there, and the page then shows the server's answer. Nothing here imports
 * zod, libphonenumber-js or papaparse: this is what the browser downloads.
 */
export type FormValues = {
  eventId?: string
  idempotencyKey?: string
  submittedBy?: string
  schoolName?: string
  childArea?: string
  guardian: Record<string, string>
  guardianConsent?: string
  assentAll?: string
  children: Record<string, string>[]
}

const CHILD_TEXT_FIELDS = ['familyName', 'givenName', 'birthDate', 'school', 'grade'] as const

/** A child row nobody typed in (the form offers blank rows); it is left out, not refused. */
export function isBlankChild(row: Record<string, string | undefined>): boolean {
  return CHILD_TEXT_FIELDS.every((f) => (row[f] ?? '').trim() === '')
}

export function emptyChild(): Record<string, string> {
  return { familyName: '', givenName: '', birthDate: '', school: '', grade: '', priorityGroup: '' }
}

const blank = (v: string | undefined) => (v ?? '').trim() === ''

/** What the check finds: keys of the shared schema's messages, shown in the page's language. */
export type QuickProblem = 'required' | 'contact-required' | 'invalid-phone' | 'invalid-email' | 'consent-required' | 'no-children'

/**
 * Mistakes worth pointing out before sending, by field path (rows as on screen), first one per
 * field. A phone number only needs digits (8 to 15, spaces, dots, dashes, brackets, a leading +)
 * and an email address an @ and a dot: the server decides whether the number or address is real.
 */
export function quickCheck(values: FormValues): Record<string, QuickProblem> {
  const out: Record<string, QuickProblem> = {}
  const { name, relationship, phone = '', email = '' } = values.guardian
  if (blank(name)) out['guardian.name'] = 'required'
  if (values.submittedBy !== 'school' && blank(relationship)) out['guardian.relationship'] = 'required'
  const digits = phone.replace(/\D/g, '').length
  if (blank(phone) && blank(email)) out['guardian.phone'] = 'contact-required'
  else if (!blank(phone) && (!/^\s*\+?[\d\s().-]+$/.test(phone) || digits < 8 || digits > 15)) out['guardian.phone'] = 'invalid-phone'
  if (!blank(email) && !/^\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*$/.test(email)) out['guardian.email'] = 'invalid-email'
  if (values.guardianConsent !== 'on') out.guardianConsent = 'consent-required'
  const rows = values.children.flatMap((c, i) => (isBlankChild(c) ? [] : [[c, i] as const]))
  if (!rows.length) out.children = 'no-children'
  for (const [c, i] of rows) {
    for (const f of ['familyName', 'givenName', 'birthDate'] as const) if (blank(c[f])) out[`children.${i}.${f}`] = 'required'
  }
  return out
}
