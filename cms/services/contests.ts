/**
 * Drawing contests ("Ước mơ của em"): children draw on a theme, families and schools send the
 * pictures in during the entry window, a jury scores them blind per age category, and the
 * results and a gallery are published — a picture with a child's name only where the guardian
 * (and, from age 7, the child) agreed to it (Law on Children 2016 Art. 6(11), Decree 56/2017
 * Art. 33).
 *
 * - A **category** is an age group ("6–8 tuổi"): a child belongs to the one whose range holds
 *   the child's age on the contest's set day (`ageOn`), not on the day the entry is sent, so
 *   every child of a class is measured alike.
 * - The **phase** is worked out, never typed: announced (before the window) → open → judging
 *   (after the deadline) → results (once an organiser published them).
 * - Entry caps are pools of the capacity engine (cms/services/capacity.ts): every child has a
 *   pool of `entriesPerChild` places in a contest, and a category may have a pool of its own
 *   (`maxEntries`). An entry claims one place of each or none, so the same child sent twice at
 *   the same moment gets exactly the places there are.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Entry } from '../payload-types'
import type { Pool } from './capacity'
import { ageOn } from './eligibility'
import { ASSENT_AGE } from './registrations'
import type { Id } from './ids'

export const CONTEST_PHASES = {
  announced: { vi: 'Sắp mở', en: 'Announced' },
  open: { vi: 'Đang nhận bài', en: 'Open for entries' },
  judging: { vi: 'Đang chấm', en: 'Judging' },
  results: { vi: 'Đã có kết quả', en: 'Results' },
} as const
export type ContestPhase = keyof typeof CONTEST_PHASES

export type ContestCategory = { id?: string | null; label?: string | null; minAge: number; maxAge: number; maxEntries?: number | null }

/** A contest as the entry rules see it. */
export type ContestRules = {
  id: Id
  opensAt?: string | null
  closesAt?: string | null
  /** The day children's ages are measured on (ISO date); the deadline's day when not set. */
  ageOn?: string | null
  categories?: ContestCategory[] | null
  entriesPerChild?: number | null
  /** from the judging state (cms/services/judging.ts), not the contest document */
  resultsPublishedAt?: string | null
}

export function contestPhase(contest: Pick<ContestRules, 'opensAt' | 'closesAt' | 'resultsPublishedAt'>, now = new Date()): ContestPhase {
  if (contest.resultsPublishedAt) return 'results'
  if (contest.opensAt && now < new Date(contest.opensAt)) return 'announced'
  if (contest.closesAt && now >= new Date(contest.closesAt)) return 'judging'
  return 'open'
}

/** Why the contest takes no entry now, or null. */
export function entryWindowProblem(contest: Pick<ContestRules, 'opensAt' | 'closesAt' | 'resultsPublishedAt'>, now: Date): 'not-open' | 'closed' | null {
  const phase = contestPhase(contest, now)
  if (phase === 'announced') return 'not-open'
  if (phase === 'open') return null
  return 'closed'
}

/** The day ages are measured on: the contest's set day, else the deadline's day, else today. */
export function ageReferenceDay(contest: Pick<ContestRules, 'ageOn' | 'closesAt'>, now = new Date()): string {
  return (contest.ageOn ?? contest.closesAt ?? now.toISOString()).slice(0, 10)
}

export type CategoryAnswer = { ok: true; category: ContestCategory & { id: string }; age: number } | { ok: false; reason: 'too-young' | 'too-old' | 'no-category'; age: number }

/** The category a child of this birth date enters, by age on the contest's set day. */
export function categoryFor(contest: Pick<ContestRules, 'ageOn' | 'closesAt' | 'categories'>, birthDate: string, now = new Date()): CategoryAnswer {
  const age = ageOn(birthDate, ageReferenceDay(contest, now))
  const categories = (contest.categories ?? []).filter((c): c is ContestCategory & { id: string } => Boolean(c.id))
  const found = categories.find((c) => age >= c.minAge && age <= c.maxAge)
  if (found) return { ok: true, category: found, age }
  if (!categories.length) return { ok: false, reason: 'no-category', age }
  const youngest = Math.min(...categories.map((c) => c.minAge))
  const oldest = Math.max(...categories.map((c) => c.maxAge))
  return { ok: false, reason: age < youngest ? 'too-young' : age > oldest ? 'too-old' : 'no-category', age }
}

/** The same child in the same contest: normalised full name and birth date (no name is kept in the key). */
export function contestChildKey(contestId: Id, child: { familyName: string; givenName: string; birthDate: string }): string {
  const name = `${child.familyName} ${child.givenName}`.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(`contest:${contestId}|${name}|${child.birthDate.slice(0, 10)}`).digest('base64url').slice(0, 32)
}

export const DEFAULT_ENTRIES_PER_CHILD = 1

/** A child's places in a contest: `entriesPerChild` of them. */
export const childPool = (contest: Pick<ContestRules, 'id' | 'entriesPerChild'>, childKey: string): Pool => ({
  key: `contests:${contest.id}:child:${childKey}`,
  capacity: Math.max(1, Math.floor(contest.entriesPerChild ?? DEFAULT_ENTRIES_PER_CHILD)),
})

/** A category's places, when it has a cap (null: no cap). */
export const categoryPool = (contestId: Id, category: Pick<ContestCategory, 'id' | 'maxEntries'>): Pool | null =>
  category.maxEntries ? { key: `contests:${contestId}:category:${category.id ?? ''}`, capacity: Math.max(0, Math.floor(category.maxEntries)) } : null

/** The units of an entry's places are held under these names. */
export const entryClaimant = (entryId: Id, part: 'child' | 'category') => `entries:${entryId}:${part}`

/** What the public sees of a child: given name and the family name's initial ("Lan N."), only with the publication consent. */
export function publicChildName(child: { givenName: string; familyName: string }): string {
  const initial = child.familyName.trim().normalize('NFC').split(/\s+/)[0]?.charAt(0).toLocaleUpperCase('vi') ?? ''
  return initial ? `${child.givenName.trim()} ${initial}.` : child.givenName.trim()
}

/** "6–8 tuổi" / "ages 6–8": a category's label when the editor gave none. */
export function categoryLabel(category: Pick<ContestCategory, 'label' | 'minAge' | 'maxAge'>, lang: 'vi' | 'en'): string {
  if (category.label) return category.label
  return lang === 'vi' ? `${category.minAge}–${category.maxAge} tuổi` : `ages ${category.minAge}–${category.maxAge}`
}

/** Entries that take part (hold their places). */
export const TAKING_PART: readonly string[] = ['submitted']

/** Where processed pictures are kept (private: served only through the entry rules; public copies only while shown). */
export const artworkDir = (mediaDir: string) => path.join(mediaDir, 'artworks')

/** Whether a consent for `purpose` is in force (given and not withdrawn). */
export function consentGiven(consents: Entry['consents'], purpose: 'participation' | 'publication', grantedBy?: 'guardian' | 'child'): boolean {
  return (consents ?? []).some((c) => c.purpose === purpose && (!grantedBy || c.grantedBy === grantedBy) && !c.withdrawnAt)
}

/**
 * Whether the public may see this entry with its picture and the child's given name, family
 * initial, age and commune: it takes part, the guardian agreed to publication, and so did the
 * child from age 7. Anything else shows as "a participant from <commune>", without the picture.
 */
export function mayPublish(entry: Pick<Entry, 'status' | 'consents' | 'child'>): boolean {
  if (!TAKING_PART.includes(entry.status)) return false
  if (!consentGiven(entry.consents, 'publication', 'guardian')) return false
  return (entry.child?.age ?? 0) < ASSENT_AGE || consentGiven(entry.consents, 'publication', 'child')
}

