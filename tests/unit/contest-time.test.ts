/**
 * A contest's clock in Vietnam time (UTC+7): days left counted in calendar days there, the
 * deadline written the way families read it, and until when a page showing it holds.
 */
import { describe, expect, it } from 'vitest'
import { contestPagesHoldUntil, countdown, nextVietnamMidnight } from '../../site/lib/contest-time'
import { formatDeadline } from '../../site/lib/format'

// 17:00 on 15 May 2027, Vietnam time
const DEADLINE = '2027-05-15T10:00:00.000Z'

describe('contest clock', () => {
  it('counts calendar days in Vietnam: 12 days all day long on 3 May, whatever the hour', () => {
    expect(countdown(DEADLINE, new Date('2027-05-02T17:00:00.000Z'))).toEqual({ kind: 'days', days: 12 }) // 00:00 on 3 May
    expect(countdown(DEADLINE, new Date('2027-05-03T16:59:59.000Z'))).toEqual({ kind: 'days', days: 12 }) // 23:59 on 3 May
    expect(countdown(DEADLINE, new Date('2027-05-03T17:00:00.000Z'))).toEqual({ kind: 'days', days: 11 })
    expect(countdown(DEADLINE, new Date('2027-05-14T16:00:00.000Z'))).toEqual({ kind: 'days', days: 1 })
    expect(countdown(DEADLINE, new Date('2027-05-15T01:00:00.000Z'))).toEqual({ kind: 'today' })
    expect(countdown(DEADLINE, new Date(DEADLINE))).toEqual({ kind: 'passed' })
  })

  it('writes the deadline in Vietnam time', () => {
    expect(formatDeadline(DEADLINE, 'vi')).toBe('17:00 ngày 15/05/2027')
    expect(formatDeadline(DEADLINE, 'en')).toBe('17:00 on 15 May 2027')
  })

  it('holds a page until the next midnight in Vietnam, or the next opening or deadline if sooner', () => {
    expect(new Date(nextVietnamMidnight(new Date('2027-05-03T16:59:59.000Z'))).toISOString()).toBe('2027-05-03T17:00:00.000Z')
    expect(new Date(nextVietnamMidnight(new Date('2027-05-03T17:00:00.000Z'))).toISOString()).toBe('2027-05-04T17:00:00.000Z')
    const now = new Date('2026-11-19T20:00:00.000Z') // 03:00 on 20 Nov in Vietnam
    const contests = [
      { opensAt: '2026-11-20T01:00:00.000Z', closesAt: DEADLINE }, // opens at 08:00 today
      { opensAt: '2025-11-01T00:00:00.000Z', closesAt: '2026-05-15T10:00:00.000Z', resultsPublishedAt: '2026-06-01T00:00:00.000Z' },
    ]
    expect(new Date(contestPagesHoldUntil(contests, now)).toISOString()).toBe('2026-11-20T01:00:00.000Z')
    // a contest with results moves on only when an editor publishes something (which clears pages)
    expect(new Date(contestPagesHoldUntil([contests[1] ?? {}], now)).toISOString()).toBe('2026-11-20T17:00:00.000Z')
  })
})
