import { describe, expect, it } from 'vitest'
import { highestSeatFor, nextConsentVersion } from '../../cms/services/events'
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
