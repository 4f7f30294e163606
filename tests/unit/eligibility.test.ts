import { describe, expect, it } from 'vitest'
import { ageOn, childRefusal, firstSessionDay, registrationWindowProblem } from '../../cms/services/eligibility'

describe('eligibility', () => {
  it('counts age in whole years on a given day', () => {
    expect(ageOn('2018-06-15', '2024-06-14')).toBe(5)
    expect(ageOn('2018-06-15', '2024-06-15')).toBe(6)
    expect(ageOn('2016-02-29', '2024-02-28')).toBe(7)
    expect(ageOn('2016-02-29', '2024-02-29')).toBe(8)
  })

  it('measures age on the first session day, whatever order sessions were entered in', () => {
    expect(firstSessionDay([{ date: '2026-07-10T00:00:00.000Z' }, { date: '2026-07-03T00:00:00.000Z' }])).toBe('2026-07-03')
    expect(firstSessionDay([])).toBeNull()
  })

  it('refuses children outside the age range or area, and accepts the rest', () => {
    const rules = { minAge: 6, maxAge: 15, areas: [3, 4] }
    const day = '2026-07-03'
    expect(childRefusal(rules, day, { birthDate: '2020-07-04', area: 3 })).toBe('too-young')
    expect(childRefusal(rules, day, { birthDate: '2010-07-02', area: 3 })).toBe('too-old')
    expect(childRefusal(rules, day, { birthDate: '2015-01-01', area: 9 })).toBe('area-not-served')
    expect(childRefusal(rules, day, { birthDate: '2015-01-01', area: '4' })).toBeNull()
    expect(childRefusal({}, day, { birthDate: '2025-01-01' })).toBeNull()
    expect(childRefusal(rules, null, { birthDate: '2015-01-01', area: 3 })).toBe('no-sessions')
  })

  it('accepts sign-ups only inside the registration window', () => {
    const window = { opensAt: '2026-06-01T01:00:00.000Z', closesAt: '2026-06-20T10:00:00.000Z' }
    expect(registrationWindowProblem(window, new Date('2026-06-01T00:59:59Z'))).toBe('not-open-yet')
    expect(registrationWindowProblem(window, new Date('2026-06-01T01:00:00Z'))).toBeNull()
    expect(registrationWindowProblem(window, new Date('2026-06-20T10:00:00Z'))).toBe('closed')
    expect(registrationWindowProblem({}, new Date())).toBeNull()
  })
})
