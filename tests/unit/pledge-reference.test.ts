/** Pledge references (cms/services/pledge-reference.ts): made at random, and found again in transfer notes that banks mangled. */
import { describe, expect, it } from 'vitest'
import {
  matchReference,
  newPledgeReference,
  newUniquePledgeReference,
  normalizeReference,
  PLEDGE_REFERENCE,
  REFERENCE_ALPHABET,
  REFERENCE_COUNT,
  referencesIn,
} from '../../cms/services/pledge-reference'

/** A random() that draws these alphabet positions in turn. */
const drawing = (positions: number[]) => {
  let i = 0
  return () => ((positions[i++ % positions.length] ?? 0) + 0.5) / REFERENCE_ALPHABET.length
}
const positionsOf = (code: string) => [...code].map((c) => REFERENCE_ALPHABET.indexOf(c))

describe('the alphabet', () => {
  it('has 29 characters and no look-alikes', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(29)
    expect(new Set(REFERENCE_ALPHABET).size).toBe(29)
    expect(REFERENCE_ALPHABET).toMatch(/^[2-9A-Z]+$/)
    for (const c of '01ILOUV') expect(REFERENCE_ALPHABET).not.toContain(c)
    expect(REFERENCE_COUNT).toBe(16_394_280)
  })
})

describe('newPledgeReference', () => {
  it('draws the code from the given random numbers', () => {
    expect(newPledgeReference(drawing(positionsOf('7K3QX')))).toBe('TT-7K3QX')
  })

  it('draws again when a code is all letters or all digits', () => {
    expect(newPledgeReference(drawing([...positionsOf('ABCDE'), ...positionsOf('23456'), ...positionsOf('A2B3C')]))).toBe('TT-A2B3C')
    expect(() => newPledgeReference(() => 0)).toThrow(/100 draws/)
    expect(() => newPledgeReference(() => 1)).toThrow(/\[0, 1\)/)
  })

  it('makes canonical references from the whole alphabet, rarely repeating', () => {
    const made = Array.from({ length: 10_000 }, () => newPledgeReference())
    for (const ref of made) expect(ref).toMatch(PLEDGE_REFERENCE)
    const used = new Set(made.flatMap((ref) => [...ref.slice(3)]))
    expect([...used].sort().join('')).toBe([...REFERENCE_ALPHABET].sort().join(''))
    // 10,000 draws from 16.4 million codes repeat about 3 times (birthday bound); 20 would mean a broken generator
    expect(made.length - new Set(made).size).toBeLessThan(20)
  })

  it('newUniquePledgeReference gives 10,000 distinct references when checked against those made', async () => {
    const taken = new Set<string>()
    for (let i = 0; i < 10_000; i++) taken.add(await newUniquePledgeReference((ref) => taken.has(ref)))
    expect(taken.size).toBe(10_000)
    await expect(newUniquePledgeReference(async () => true)).rejects.toThrow(/taken/)
  })
})

describe('PLEDGE_REFERENCE and normalizeReference', () => {
  it.each([
    ['TT-7K3QX', 'TT-7K3QX'],
    ['tt-7k3qx', 'TT-7K3QX'],
    ['tt 7k3qx', 'TT-7K3QX'],
    ['TT7K3QX', 'TT-7K3QX'],
    ['TT.7K3QX', 'TT-7K3QX'],
    ['  TT - 7K3QX ', 'TT-7K3QX'],
    ['Tt_7k3Qx', 'TT-7K3QX'],
  ])('%j -> %s', (text, canonical) => {
    expect(normalizeReference(text)).toBe(canonical)
  })

  it.each(['', 'TT-7K3Q', 'TT-7K3QXX', 'XTT-7K3QX', 'TT-0K3QX', 'TT-7K3QI', 'TT-CHANH', 'TT-23456', 'TT----7K3QX', 'CK-7K3QX'])('%j -> null', (text) => {
    expect(normalizeReference(text)).toBeNull()
  })

  it('accepts only the canonical form', () => {
    expect(PLEDGE_REFERENCE.test('TT-7K3QX')).toBe(true)
    for (const text of ['tt-7k3qx', 'TT7K3QX', 'TT-7K3QX ', 'TT-ABCDE', 'TT-22345', 'TT-7K3QU']) expect(PLEDGE_REFERENCE.test(text)).toBe(false)
  })
})

describe('referencesIn: notes as banks deliver them', () => {
  it.each([
    'tt 7k3qx',
    'TT7K3QX',
    'TT.7K3QX',
    'MBVCB.3345678.TT7K3QX.CT tu 0123 toi 0456',
    'IBFT TT 7K3QX ung ho trung thu',
    'tt-7k3qx-nguyen van a',
    'Nguyễn Thị Thu Thủy chuyển tiền ủng hộ Tết Trung thu TT-7K3QX cho các cháu',
    'NGUYEN THI THU THUY CHUYEN TIEN TT 7K3QX',
    'NGUYENTHITHUTHUYCHUYENTIENTT7K3QX', // an app that drops every space
    'từ thiện: tt–7k3qx. Cảm ơn!',
    'TT-7K3QX TT-7K3QX', // the same twice
  ])('%j -> TT-7K3QX', (note) => {
    expect(referencesIn(note)).toEqual(['TT-7K3QX'])
  })

  it.each([
    '',
    'CT tu 0123 toi 0456',
    'Ủng hộ quỹ Trung thu cho trẻ em Biên Hòa',
    'TT CHANH chuyen tien', // five letters after TT, but no digit: a word, not a code
    'TT 23456 dong', // five digits, no letter: an amount, not a code
    'settlement attention bottle 2024 butter',
    'TT-7K3Q',
    'TT-0K3QX',
  ])('%j -> none', (note) => {
    expect(referencesIn(note)).toEqual([])
  })

  it('returns each reading where mangling glued things together, in order', () => {
    expect(referencesIn('TTT7K3QX')).toEqual(['TT-T7K3Q', 'TT-7K3QX'])
    expect(referencesIn('TT-4PRM8 va TT 7K3QX, lai TT-4PRM8')).toEqual(['TT-4PRM8', 'TT-7K3QX'])
  })

  it('finds a reference glued inside a long word of random letters', () => {
    const note = 'QZXWKHBPNRTT7K3QXBWZHKRNDP'
    expect(referencesIn(note)).toContain('TT-7K3QX')
    expect(matchReference(note, (ref) => ref === 'TT-7K3QX')).toBe('TT-7K3QX')
    expect(matchReference(note, (ref) => ref === 'TT-9ZZZZ')).toBeNull()
    expect(matchReference(note, () => false)).toBeNull()
  })
})

describe('matchReference', () => {
  const known = new Set(['TT-7K3QX', 'TT-4PRM8'])
  const isKnown = (ref: string) => known.has(ref)

  it('returns the one known reference, whatever the mangling', () => {
    expect(matchReference('MBVCB.3345678.TT7K3QX.CT tu 0123 toi 0456', isKnown)).toBe('TT-7K3QX')
    expect(matchReference('IBFT tt 4prm8 ung ho trung thu', isKnown)).toBe('TT-4PRM8')
    expect(matchReference('TT-7K3QX lan 2, nhac lai TT7K3QX', isKnown)).toBe('TT-7K3QX')
  })

  it('ignores candidates that are not pledges', () => {
    expect(matchReference('TT-9ABCD nham, dung la TT-7K3QX', isKnown)).toBe('TT-7K3QX')
    expect(matchReference('TTT7K3QX', isKnown)).toBe('TT-7K3QX')
  })

  it('gives up when two different known references appear', () => {
    expect(matchReference('TT-7K3QX va TT-4PRM8 cho hai be', isKnown)).toBeNull()
    expect(matchReference('TT7K3QXTT4PRM8', isKnown)).toBeNull()
  })

  it('finds nothing when there is no reference', () => {
    expect(matchReference('ung ho trung thu', isKnown)).toBeNull()
    expect(matchReference('TT-9ABCD', isKnown)).toBeNull()
  })
})
