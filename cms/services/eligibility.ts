/**
 * Eligibility: whether a child may take part in an event. Age is measured on the first session
 * day (a child who turns 6 during a swim course is still 5 for it); the commune must be one the
 * event is open to; sign-ups are accepted only inside the registration window.
 */

export type EligibilityRules = {
  minAge?: number | null
  maxAge?: number | null
  /** Area ids the event is open to; empty means everyone. */
  areas?: readonly (string | number)[] | null
}

export type RefusalReason = 'not-open-yet' | 'closed' | 'too-young' | 'too-old' | 'area-not-served' | 'no-sessions'

/** Whole years between a birth date and a day (both ISO, date part used). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number]
  let age = y - by
  if (m < bm || (m === bm && d < bd)) age--
  return age
}

/** The first session day of an event (ISO date), or null without sessions. */
export function firstSessionDay(sessions: readonly { date?: string | null }[] | null | undefined): string | null {
  const days = (sessions ?? []).map((s) => s.date?.slice(0, 10)).filter((d): d is string => Boolean(d))
  return days.length ? days.sort()[0] ?? null : null
}

export function registrationWindowProblem(
  window: { opensAt?: string | null; closesAt?: string | null },
  now: Date,
): 'not-open-yet' | 'closed' | null {
  if (window.opensAt && now < new Date(window.opensAt)) return 'not-open-yet'
  if (window.closesAt && now >= new Date(window.closesAt)) return 'closed'
  return null
}

/** Whether a child of `age` (on the first day) is inside the event's age range. */
export function acceptsAge(rules: Pick<EligibilityRules, 'minAge' | 'maxAge'>, age: number): boolean {
  return (rules.minAge == null || age >= rules.minAge) && (rules.maxAge == null || age <= rules.maxAge)
}

/** Why this child cannot take part, or null when they can. */
export function childRefusal(
  rules: EligibilityRules,
  firstDay: string | null,
  child: { birthDate: string; area?: string | number | null },
): RefusalReason | null {
  if (!firstDay) return 'no-sessions'
  const age = ageOn(child.birthDate, firstDay)
  if (!acceptsAge({ minAge: rules.minAge }, age)) return 'too-young'
  if (!acceptsAge({ maxAge: rules.maxAge }, age)) return 'too-old'
  const areas = rules.areas ?? []
  if (areas.length && (child.area == null || !areas.map(String).includes(String(child.area)))) return 'area-not-served'
  return null
}
