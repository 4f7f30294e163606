/**
 * A contest's clock as its pages show it, in Vietnam time (Asia/Ho_Chi_Minh: UTC+7 all year, no
 * summer time): the days left to the deadline, and until when a rendered page holds — the next
 * midnight (the count of days moves on) or the next opening or deadline (the phase moves on),
 * whichever comes first. Pages kept in memory (server/page-cache.ts) are kept no longer.
 */

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

/** The calendar day in Vietnam at a moment, as a day number (days since 1970-01-01 there). */
function vietnamDayNumber(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS)
}

/** The next midnight in Vietnam after `now` (epoch ms). */
export function nextVietnamMidnight(now: Date): number {
  return (vietnamDayNumber(now.getTime()) + 1) * DAY_MS - VIETNAM_OFFSET_MS
}

export type Countdown =
  /** `days` calendar days from today to the deadline's day (Vietnam time), 1 or more */
  | { kind: 'days'; days: number }
  /** the deadline is later today */
  | { kind: 'today' }
  | { kind: 'passed' }

/** How far the deadline is, counted in calendar days in Vietnam ("12 days left" all day long, until midnight). */
export function countdown(closesAt: string, now: Date): Countdown {
  const deadline = new Date(closesAt).getTime()
  if (!(deadline > now.getTime())) return { kind: 'passed' }
  const days = vietnamDayNumber(deadline) - vietnamDayNumber(now.getTime())
  return days <= 0 ? { kind: 'today' } : { kind: 'days', days }
}

type Dated = { opensAt?: string | null; closesAt?: string | null; resultsPublishedAt?: string | null }

/**
 * Until when a page showing these contests holds (epoch ms): the next midnight in Vietnam, or
 * sooner the next moment one of them opens or closes. Results are published by an editor,
 * which clears the pages anyway.
 */
export function contestPagesHoldUntil(contests: Dated[], now: Date): number {
  let until = nextVietnamMidnight(now)
  for (const c of contests) {
    if (c.resultsPublishedAt) continue
    for (const at of [c.opensAt, c.closesAt]) {
      const ms = at ? new Date(at).getTime() : Number.NaN
      if (ms > now.getTime() && ms < until) until = ms
    }
  }
  return until
}
