/**
 * VietQR payloads (cms/services/vietqr.ts): what we build decodes back to the same transfer,
 * matches payloads published by other implementations character for character, and a code
 * with one character changed is refused.
 */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  asciiNote,
  crc16,
  findBank,
  parseVietQr,
  readTlv,
  VIET_BANKS,
  type VietQrInput,
  vietQrPayload,
  vietQrPng,
  vietQrSvg,
} from '../../cms/services/vietqr'
import { readQr } from '../helpers/qr'

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogue check value for "123456789"', () => {
    // the standard check value of CRC-16/CCITT-FALSE (a.k.a. CRC-16/IBM-3740) is 0x29B1
    expect(crc16('123456789')).toBe('29B1')
    expect(crc16('')).toBe('FFFF')
  })
})

describe('known-good payloads from other implementations', () => {
  // From the test suite of the vietnam-qr-pay npm package (github.com/xuannghia/vietnam-qr-pay,
  // test/test-vietqr.spec.ts, "VietQR"): a dynamic ACB code, 1,000 dong, note "Chuyen tien".
  const acb = '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8'
  // Same file, "CRC with three-byte": a static Techcombank code, no amount, no note.
  const techcombank = '00020101021138580010A000000727012800069704070114190304136010180208QRIBFTTA53037045802VN63040283'

  it('reproduces the dynamic ACB payload exactly', () => {
    expect(vietQrPayload({ bin: '970416', accountNumber: '257678859', amount: 1000, note: 'Chuyen tien' })).toBe(acb)
  })

  it('reproduces the static Techcombank payload exactly', () => {
    expect(vietQrPayload({ bin: '970407', accountNumber: '19030413601018' })).toBe(techcombank)
  })

  it('reproduces the Go subiz/vietqr README example exactly, Vietnamese note folded the same way', () => {
    // github.com/subiz/vietqr README: vietqr.Generate(120000, "970415", "0011001932418", "ủng hộ lũ lụt")
    const subiz = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C'
    expect(vietQrPayload({ bin: '970415', accountNumber: '0011001932418', amount: 120000, note: 'ủng hộ lũ lụt' })).toBe(subiz)
  })

  it('reads payloads made elsewhere, with fields we never write', () => {
    // napas-qr (npm) README: a bill number (62/01) before the note
    expect(
      parseVietQr('00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13'),
    ).toEqual({ bin: '970416', accountNumber: '224528479', amount: 10000, note: 'TRANSFER TO SOMEONE', dynamic: true, service: 'QRIBFTTA' })
    // vietnam-qr-pay's "MBBank QR with lowercase CRC": MB's app writes the CRC in lowercase
    expect(parseVietQr('00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53037045802VN630479db')).toMatchObject({
      bin: '970422',
      accountNumber: '0352350917',
      amount: undefined,
      dynamic: false,
    })
  })
})

describe('vietQrPayload decodes back to its input', () => {
  const cases: { name: string; input: VietQrInput; note: string | undefined }[] = [
    { name: 'static, no amount, no note', input: { bin: '970436', accountNumber: '0071000123456' }, note: undefined },
    { name: 'dynamic with amount and reference', input: { bin: '970415', accountNumber: '113366668888', amount: 500_000, note: 'TT-7K3QX' }, note: 'TT-7K3QX' },
    { name: 'static with a note only', input: { bin: '970418', accountNumber: '12010000123456', note: 'Ung ho Trung thu' }, note: 'Ung ho Trung thu' },
    { name: 'longest account, largest amount', input: { bin: '970422', accountNumber: 'A'.repeat(10) + '9'.repeat(9), amount: 9_999_999_999_999 }, note: undefined },
    {
      name: 'Vietnamese note folded to ASCII',
      input: { bin: '970405', accountNumber: '1500201234567', amount: 200_000, note: 'Ủng hộ  Tết Trung thu – TT-7K3QX, đợt 2!' },
      note: 'Ung ho Tet Trung thu TT-7K3QX dot 2',
    },
  ]

  it.each(cases)('$name', ({ input, note }) => {
    const payload = vietQrPayload(input)
    expect(payload).toMatch(/^[\x20-\x7e]+$/) // ASCII only
    expect(parseVietQr(payload)).toEqual({
      bin: input.bin,
      accountNumber: input.accountNumber,
      amount: input.amount,
      note,
      dynamic: input.amount !== undefined,
      service: 'QRIBFTTA',
    })
  })

  it('lays the fields out in the order and nesting NAPAS specifies', () => {
    const payload = vietQrPayload({ bin: '970436', accountNumber: '0011001932418', amount: 79_000, note: 'TT-7K3QX' })
    const root = readTlv(payload)
    expect(root.map((f) => f.tag)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63'])
    expect(root.map((f) => f.value)).toEqual([
      '01',
      '12',
      '0010A00000072701270006970436011300110019324180208QRIBFTTA',
      '704',
      '79000',
      'VN',
      '0808TT-7K3QX',
      payload.slice(-4),
    ])
  })
})

describe('parseVietQr refuses damaged codes', () => {
  const payload = vietQrPayload({ bin: '970436', accountNumber: '0071000123456', amount: 150_000, note: 'TT-7K3QX' })

  it('fails the CRC when any one character is changed', () => {
    expect(() => parseVietQr(payload)).not.toThrow()
    for (let i = 0; i < payload.length; i++) {
      const flipped = payload.slice(0, i) + (payload[i] === '0' ? '1' : '0') + payload.slice(i + 1)
      expect(() => parseVietQr(flipped), `changed at ${i}`).toThrow(/CRC|6304/)
    }
  })

  it('refuses a code whose fields are malformed even when the CRC fits', () => {
    const body = '000201010212' + '5303704' + '5802VN' + '6304'
    expect(() => parseVietQr(body + crc16(body))).toThrow(/merchant account field \(38\)/)
    const usd = '00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53038405802VN6304'
    expect(() => parseVietQr(usd + crc16(usd))).toThrow(/currency/)
    const cut = '0002016304'
    expect(() => parseVietQr('00020199' + cut + crc16('00020199' + cut))).toThrow(/position/)
  })
})

describe('vietQrPayload validates its input', () => {
  const ok: VietQrInput = { bin: '970436', accountNumber: '0071000123456' }
  it.each([
    [{ ...ok, bin: '97043' }, /BIN/],
    [{ ...ok, bin: '97043a' }, /BIN/],
    [{ ...ok, accountNumber: '' }, /account number/],
    [{ ...ok, accountNumber: '1'.repeat(20) }, /account number/],
    [{ ...ok, accountNumber: '0071-000123' }, /account number/],
    [{ ...ok, amount: 0 }, /amount/],
    [{ ...ok, amount: -5000 }, /amount/],
    [{ ...ok, amount: 1500.5 }, /amount/],
    [{ ...ok, amount: Number.NaN }, /amount/],
    [{ ...ok, amount: 10_000_000_000_000 }, /amount/],
    [{ ...ok, note: 'x'.repeat(51) }, /at most 50/],
    [{ ...ok, note: '🎁🎁 ~~ !!' }, /no character/],
  ] as const)('rejects %o', (input, message) => {
    expect(() => vietQrPayload(input)).toThrow(message)
  })

  it('takes a note of exactly 50 characters and an empty note as none', () => {
    expect(parseVietQr(vietQrPayload({ ...ok, note: 'ầ'.repeat(50) })).note).toBe('a'.repeat(50))
    expect(parseVietQr(vietQrPayload({ ...ok, note: '  ' })).note).toBeUndefined()
  })
})

describe('asciiNote', () => {
  it.each([
    ['Đỗ Thị Hường ủng hộ', 'Do Thi Huong ung ho'],
    ['TT-7K3QX\tnguyễn   văn a', 'TT-7K3QX nguyen van a'],
    ['Quà (Tết) cho bé #3 @ Biên Hòa', 'Qua Tet cho be 3 Bien Hoa'],
    ['ƯƠNG ĐẠT', 'UONG DAT'],
  ])('%s -> %s', (text, expected) => {
    expect(asciiNote(text)).toBe(expected)
  })
})

describe('VIET_BANKS', () => {
  it('holds the ten common banks with their NAPAS BINs', () => {
    const bins = Object.fromEntries(VIET_BANKS.map((b) => [b.shortName, b.bin]))
    expect(bins).toMatchObject({
      Vietcombank: '970436',
      VietinBank: '970415',
      BIDV: '970418',
      Agribank: '970405',
      Techcombank: '970407',
      'MB Bank': '970422',
      ACB: '970416',
      Sacombank: '970403',
      VPBank: '970432',
      TPBank: '970423',
    })
    expect(new Set(VIET_BANKS.map((b) => b.bin)).size).toBe(VIET_BANKS.length)
    expect(new Set(VIET_BANKS.map((b) => b.code)).size).toBe(VIET_BANKS.length)
    for (const b of VIET_BANKS) expect(b.name).toMatch(/^Ngân hàng /)
  })

  it('finds a bank by BIN or code', () => {
    expect(findBank('970436')?.shortName).toBe('Vietcombank')
    expect(findBank('vcb')?.bin).toBe('970436')
    expect(findBank('999999')).toBeUndefined()
  })
})

describe('images', () => {
  const payload = vietQrPayload({ bin: '970436', accountNumber: '0071000123456', amount: 200_000, note: 'TT-7K3QX ung ho Trung thu' })

  it('draws an SVG that a camera reads back as the payload', async () => {
    const svg = vietQrSvg(payload)
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/)
    expect(svg.trimEnd()).toMatch(/<\/svg>$/)
    expect(await readQr(svg)).toBe(payload)
    expect(parseVietQr(await readQr(svg))).toMatchObject({ bin: '970436', accountNumber: '0071000123456', amount: 200_000 })
  })

  it('draws a square PNG with a 4-module quiet zone', async () => {
    const png = vietQrPng(payload, 5)
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
    expect(info.width).toBe(info.height)
    expect((info.width / 5) % 4).toBe(1) // 4k+17 modules plus 2×4 of margin: always 1 mod 4
    expect(data[10 * info.width + 10]).toBe(255) // inside the quiet zone (the first 20 px): white
    expect(data[22 * info.width + 22]).toBe(0) // the top-left finder pattern's corner: black
    expect(await readQr(png)).toBe(payload)
  })
})
