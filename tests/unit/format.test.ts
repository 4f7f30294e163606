import { describe, expect, it } from 'vitest'
import { formatDate, formatDateRange, formatNumber, formatPercent } from '../../site/lib/format'
import { toSlug, isValidSlug } from '../../cms/services/slug'
import { t } from '../../cms/i18n/messages'

describe('Vietnamese formats', () => {
  it('writes dates in Vietnamese and English, in Vietnam time', () => {
    expect(formatDate('2025-06-01T00:00:00.000Z', 'vi')).toBe('1 tháng 6, 2025')
    expect(formatDate('2025-05-31T18:00:00.000Z', 'vi')).toBe('1 tháng 6, 2025')
    expect(formatDate('2025-06-01T00:00:00.000Z', 'en')).toBe('1 June 2025')
    expect(formatDateRange('2025-06-01T00:00:00.000Z', '2025-06-30T00:00:00.000Z', 'vi')).toBe('1\u2009–\u200930 tháng 6, 2025')
  })

  it('groups thousands with dots in Vietnamese and commas in English', () => {
    expect(formatNumber(259351, 'vi')).toBe('259.351')
    expect(formatNumber(259351, 'en')).toBe('259,351')
    expect(formatNumber(1.08, 'vi')).toBe('1,1')
    expect(formatPercent(1315 / 1200, 'vi')).toBe('110%')
  })
})

describe('slugs', () => {
  it('drops Vietnamese accents and turns đ into d', () => {
    expect(toSlug('Tháng hành động vì trẻ em năm 2025: Đường dây 111')).toBe('thang-hanh-dong-vi-tre-em-nam-2025-duong-day-111')
    expect(isValidSlug('thang-6')).toBe(true)
    expect(isValidSlug('Tháng-6')).toBe(false)
    expect(isValidSlug('a--b')).toBe(false)
  })
})

describe('server messages', () => {
  it('speak Vietnamese by default and English on request, with values filled in', () => {
    expect(t(undefined, 'imageTooLarge', { pixels: 50, max: 40 })).toContain('50 megapixel')
    expect(t('en', 'campaignUnknownIndicator', { indicator: 'swim' })).toBe('The result "swim" does not match any target of the campaign.')
    expect(t('fr', 'slugInvalid')).toBe(t('vi', 'slugInvalid'))
  })
})
