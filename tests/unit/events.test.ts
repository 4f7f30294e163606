import { describe, expect, it } from 'vitest'
import { highestSeatFor, nextConsentVersion, signUpState } from '../../cms/services/events'
import { childKey } from '../../cms/services/registrations'

describe('events', () => {
  it('keeps the last seats for priority groups', () => {
    expect(highestSeatFor(20, 4, false)).toBe(16)
    expect(highestSeatFor(20, 4, true)).toBe(20)
    expect(highestSeatFor(3, 10, false)).toBe(0)
    expect(highestSeatFor(3, -1, false)).toBe(3)
  })

  it('gives changed consent wording a new version, and keeps it when nothing changed', () => {
    expect(nextConsentVersion(null, { version: null, texts: ['a'] })).toBe('v1')
    expect(nextConsentVersion({ version: 'v1', texts: ['a', 'b'] }, { version: 'v1', texts: ['a', 'b'] })).toBe('v1')
    expect(nextConsentVersion({ version: 'v1', texts: ['a', 'b'] }, { version: 'v1', texts: ['a', 'c'] })).toBe('v2')
    expect(nextConsentVersion({ version: 'v7', texts: ['a'] }, { version: 'v7', texts: [''] })).toBe('v8')
    expect(nextConsentVersion({ version: 'v1', texts: ['a'] }, { version: '2026-06', texts: ['b'] })).toBe('2026-06')
  })

  it('recognises the same child whatever the spacing and case of the name', () => {
    const a = childKey(1, { familyName: 'Nguyễn Thị', givenName: 'Lan', birthDate: '2018-01-02' })
    expect(childKey(1, { familyName: '  NGUYỄN   thị', givenName: 'lan ', birthDate: '2018-01-02T00:00:00.000Z' })).toBe(a)
    expect(childKey(2, { familyName: 'Nguyễn Thị', givenName: 'Lan', birthDate: '2018-01-02' })).not.toBe(a)
    expect(childKey(1, { familyName: 'Nguyễn Thị', givenName: 'Lan', birthDate: '2018-01-03' })).not.toBe(a)
  })
})

describe('what the public can do with an event', () => {
  const now = new Date('2027-05-10T00:00:00Z')
  it.each([
    [{ registrationOpensAt: '2027-05-11T00:00:00Z' }, 5, 'not-open-yet'],
    [{ registrationClosesAt: '2027-05-10T00:00:00Z' }, 5, 'closed'],
    [{}, 5, 'open'],
    [{}, 0, 'waitlist'],
    [{ waitlist: false }, 0, 'full'],
  ] as const)('%o with %i seats left: %s', (event, left, state) => {
    expect(signUpState(event, left, now)).toBe(state)
  })
})

describe('course schedule', () => {
  it('runs daily from the first day, skipping Sundays', async () => {
    const { dailySessions } = await import('../../cms/services/schedule')
    const s = dailySessions('2027-06-12', 3, '07:00', '08:30') // Saturday
    expect(s.map((x) => x.date)).toEqual(['2027-06-12', '2027-06-14', '2027-06-15'])
    expect(dailySessions('2027-06-12', 2, '07:00', '08:30', false).map((x) => x.date)).toEqual(['2027-06-12', '2027-06-13'])
  })
})
