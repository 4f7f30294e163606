/**
 * Reading a commune's aid list: headers in either language or none, birth years or dates
 * (Excel dates too), the circumstances in the commune's own words, a translated problem for every
 * line it cannot take, and the one key that makes the same child the same row.
 */
import { describe, expect, it } from 'vitest'
import { csvGrid, parseAidList, parseBirth, parsePhone, recipientKey } from '../../cms/services/aid-list'

const NOW = new Date('2026-10-01T00:00:00Z')

describe('aid list', () => {
  it('reads a Vietnamese header in any order, with a full-name column', () => {
    const lines = parseAidList(csvGrid('Năm sinh;Họ và tên;Diện;SĐT\n2015;Vàng Thị Dở;hộ nghèo;+84 912 345 678'), 'vi', NOW)
    expect(lines).toEqual([
      { line: 2, problems: [], row: { familyName: 'Vàng Thị', givenName: 'Dở', birthYear: 2015, priorityGroup: 'poor', guardianPhone: '0912345678' } },
    ])
  })

  it('reads a list without a header: family name, given name, birth, group…', () => {
    const lines = parseAidList(csvGrid('Giàng A,Páo,12/03/2013,Trẻ em khuyết tật\nLò Thị,Mai,2014'), 'en', NOW)
    expect(lines.map((l) => l.row)).toEqual([
      { familyName: 'Giàng A', givenName: 'Páo', birthYear: 2013, birthDate: '2013-03-12', priorityGroup: 'disability' },
      { familyName: 'Lò Thị', givenName: 'Mai', birthYear: 2014 },
    ])
  })

  it('gives every line it cannot take a translated reason, with its line number', () => {
    const text = 'Họ,Tên,Năm sinh,Hoàn cảnh,Điện thoại\nA,,2015,,\nB,C,,,\nD,E,2031,,\nF,G,31/02/2015,,\nH,I,2015,giàu,\nK,L,2015,,12345'
    const vi = parseAidList(csvGrid(text), 'vi', NOW)
    expect(vi.every((l) => l.row === null)).toBe(true)
    expect(vi.map((l) => l.problems[0])).toEqual([
      'Dòng 2: thiếu tên của trẻ.',
      'Dòng 3: thiếu năm sinh hoặc ngày sinh.',
      'Dòng 4: "2031" không phải năm sinh (ví dụ 2015) hoặc ngày sinh (31/12/2015) hợp lệ.',
      'Dòng 5: "31/02/2015" không phải năm sinh (ví dụ 2015) hoặc ngày sinh (31/12/2015) hợp lệ.',
      'Dòng 6: không rõ nhóm hoàn cảnh "giàu" (hộ nghèo, cận nghèo, hoàn cảnh đặc biệt, khuyết tật).',
      'Dòng 7: số điện thoại "12345" không hợp lệ.',
    ])
    expect(parseAidList(csvGrid(text), 'en', NOW)[0]?.problems).toEqual(['Line 2: the child’s given name is missing.'])
  })

  it('takes Excel dates and serial numbers as birth dates, and a bare year as a year', () => {
    expect(parseBirth(new Date(Date.UTC(2018, 4, 6)))).toEqual({ year: 2018, date: '2018-05-06' })
    expect(parseBirth(43226)).toEqual({ year: 2018, date: '2018-05-06' })
    expect(parseBirth(2016)).toEqual({ year: 2016 })
    expect(parseBirth('2016-1-9')).toEqual({ year: 2016, date: '2016-01-09' })
    expect(parseBirth('tháng 5')).toBeNull()
  })

  it('the same child is the same key however the name was typed; accents and communes still tell children apart', () => {
    const key = recipientKey(7, 'Nguyễn Thị', 'Lan', 2015)
    expect(recipientKey(7, 'NGUYỄN'.normalize('NFD'), '  thị  LAN ', 2015)).toBe(key)
    expect(recipientKey(7, 'Nguyễn Thị', 'Lân', 2015)).not.toBe(key)
    expect(recipientKey(8, 'Nguyễn Thị', 'Lan', 2015)).not.toBe(key)
    expect(recipientKey(7, 'Nguyễn Thị', 'Lan', 2016)).not.toBe(key)
  })

  it('reads phone numbers as staff dial them', () => {
    expect(parsePhone('+84 912.345.678')).toBe('0912345678')
    expect(parsePhone('0243 826 1111')).toBe('02438261111')
    expect(parsePhone('911')).toBeNull()
  })
})
