/**
 * Event: anything with seats that parents and schools sign children up for — a free swimming
 * (drowning-prevention) course of 12–17 daily sessions, a one-day child forum, a workshop or a
 * festival. An event has a fixed number of seats (capacity), optionally a waitlist, and may hold
 * some seats back for children in priority groups (poor or near-poor households, children in
 * special circumstances).
 */
export const EVENT_KINDS = {
  'swim-class': { vi: 'Lớp dạy bơi', en: 'Swimming class' },
  forum: { vi: 'Diễn đàn trẻ em', en: 'Child forum' },
  workshop: { vi: 'Tập huấn, hội thảo', en: 'Workshop' },
  festival: { vi: 'Ngày hội', en: 'Festival' },
} as const
export type EventKind = keyof typeof EVENT_KINDS

export const PRIORITY_GROUPS = {
  poor: { vi: 'Hộ nghèo', en: 'Poor household' },
  'near-poor': { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  'special-circumstances': { vi: 'Trẻ em có hoàn cảnh đặc biệt', en: 'Child in special circumstances' },
  disability: { vi: 'Trẻ em khuyết tật', en: 'Child with a disability' },
} as const
export type PriorityGroup = keyof typeof PRIORITY_GROUPS

/**
 * The highest seat number a child may take: seats 1..(capacity − reserved) are open to every
 * child, the last `reserved` seats only to children in a priority group.
 */
export function highestSeatFor(capacity: number, reserved: number, priority: boolean): number {
  const held = Math.min(Math.max(0, reserved), capacity)
  return priority ? capacity : capacity - held
}

/** Consent wording is versioned: changing any text without a new version number gets one. */
export function nextConsentVersion(
  previous: { version?: string | null; texts: readonly (string | null | undefined)[] } | null,
  next: { version?: string | null; texts: readonly (string | null | undefined)[] },
): string {
  const current = next.version?.trim() || 'v1'
  if (!previous) return current
  const changed = previous.texts.some((t, i) => (t ?? '') !== (next.texts[i] ?? ''))
  if (!changed || current !== (previous.version ?? 'v1')) return current
  const n = Number(/(\d+)$/.exec(current)?.[1] ?? '1')
  return `v${n + 1}`
}

import { registrationWindowProblem } from './eligibility'

export type SignUpState = 'not-open-yet' | 'closed' | 'open' | 'waitlist' | 'full'

/** What the public can do with an event now: sign up for a seat, join the waitlist, or not. */
export function signUpState(
  event: { registrationOpensAt?: string | null; registrationClosesAt?: string | null; waitlist?: boolean | null },
  seatsLeft: number,
  now: Date,
): SignUpState {
  const window = registrationWindowProblem({ opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt }, now)
  if (window) return window
  if (seatsLeft > 0) return 'open'
  return event.waitlist === false ? 'full' : 'waitlist'
}
