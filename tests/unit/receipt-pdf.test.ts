/**
 * The donation receipt PDF: what a donor reads must come back out of the file exactly (Vietnamese
 * in NFC, so it can be searched and copied), in an embedded font subset, on A4, small enough to
 * mail, and the same bytes for the same receipt. The amount in words is checked on its own.
 */
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import {
  amountInWords,
  englishNumberWords,
  formatVnd,
  receiptPdf,
  vietnameseNumberWords,
  type ReceiptDocument,
} from '../../cms/services/receipt-pdf'

const receipt: ReceiptDocument = {
  language: 'vi',
  number: '2026-000123',
  issuedOn: '2026-03-05',
  fund: {
    name: 'Quỹ Bảo trợ trẻ em tỉnh Quảng Trị',
    address: '45 Hùng Vương, Đông Hà',
    phone: '0233 3852 111',
    email: 'quybtte@example.vn',
    taxCode: '3200123456',
    account: { bankName: 'Vietcombank Quảng Trị', accountNumber: '0771000123456', accountName: 'Quỹ Bảo trợ trẻ em' },
  },
  donor: { name: 'Công ty TNHH Hưng Thịnh Phát', kind: 'organisation', contact: 'Nguyễn Thị Ánh' },
  drive: { title: 'Tết ấm cho em 2026' },
  pledgeReference: 'TT-7K3QX',
  money: { amount: 1_000_000, receivedOn: '2026-03-04' },
  items: [
    { label: 'Vở học sinh', quantity: 200, unitValue: 8_000, receivedOn: '2026-03-04' },
    { label: 'Áo ấm trẻ em', quantity: 50, unitValue: null, receivedOn: '2026-03-05' },
  ],
  signer: { name: 'Lê Văn Hùng', title: 'Giám đốc' },
}

async function read(pdf: Buffer) {
  const proxy = await getDocumentProxy(new Uint8Array(pdf))
  const { text, totalPages } = await extractText(proxy, { mergePages: true })
  const { info } = await proxy.getMetadata()
  return { text, totalPages, info: info as Record<string, unknown> }
}

describe('vietnameseNumberWords', () => {
  it.each([
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [25, 'hai mươi lăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1_000_000, 'một triệu'],
    [1_500_000, 'một triệu năm trăm nghìn'],
    [250_000_000, 'hai trăm năm mươi triệu'],
    [1_200_005_000, 'một tỷ hai trăm triệu không trăm linh năm nghìn'],
    [10_000_000_000, 'mười tỷ'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [0, 'không'],
  ])('%i → %s', (n, words) => {
    expect(vietnameseNumberWords(n)).toBe(words)
  })

  it('refuses amounts that are not whole đồng', () => {
    expect(() => vietnameseNumberWords(1.5)).toThrow(RangeError)
    expect(() => vietnameseNumberWords(-1)).toThrow(RangeError)
  })
})

describe('amounts', () => {
  it('writes the amount as on a receipt', () => {
    expect(amountInWords(1_000_000, 'vi')).toBe('Một triệu đồng')
    expect(amountInWords(1_000_000, 'en')).toBe('One million Vietnamese dong')
    expect(englishNumberWords(1_200_005_000)).toBe('one billion two hundred million five thousand')
    expect(englishNumberWords(125)).toBe('one hundred twenty-five')
  })

  it('formats đồng with dots in Vietnamese and commas in English', () => {
    expect(formatVnd(1_000_000, 'vi')).toBe('1.000.000 ₫')
    expect(formatVnd(1_000_000, 'en')).toBe('1,000,000 VND')
    expect(formatVnd(500, 'vi')).toBe('500 ₫')
  })
})

describe('receiptPdf', () => {
  it('writes the Vietnamese receipt so its text comes back exactly', async () => {
    const pdf = await receiptPdf(receipt)
    const { text, totalPages } = await read(pdf)
    expect(totalPages).toBe(1)
    expect(text).toBe(text.normalize('NFC'))
    for (const expected of [
      'Quỹ Bảo trợ trẻ em tỉnh Quảng Trị',
      'BIÊN NHẬN ỦNG HỘ',
      'Số: 2026-000123',
      'Ngày: 05/03/2026',
      'Công ty TNHH Hưng Thịnh Phát (Tổ chức)',
      'Nguyễn Thị Ánh',
      'Tết ấm cho em 2026',
      'Mã cam kết: TT-7K3QX',
      '1.000.000 ₫',
      '1.600.000 ₫',
      'Tổng giá trị 2.600.000 ₫',
      'Bằng chữ: Một triệu đồng.',
      'Hiện vật chưa định giá không được tính vào tổng giá trị.',
      'Ngày 05 tháng 03 năm 2026',
      'Giám đốc',
      'Lê Văn Hùng',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('writes the English receipt with the same content in English', async () => {
    const { text } = await read(await receiptPdf({ ...receipt, language: 'en', message: 'Thank you for the warm winter, Ánh!' }))
    for (const expected of [
      'DONATION RECEIPT',
      'No.: 2026-000123',
      'Date: 5 March 2026',
      'Donor: Công ty TNHH Hưng Thịnh Phát (Organisation)',
      'Pledge reference: TT-7K3QX',
      '1,000,000 VND',
      'Total value 2,600,000 VND',
      'In words: One million Vietnamese dong.',
      'Thank you for the warm winter, Ánh!',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('BIÊN NHẬN')
  })

  it('sets decomposed (NFD) input in precomposed form', async () => {
    const { text } = await read(await receiptPdf({ ...receipt, donor: { name: 'Nguyễn Thị Ánh'.normalize('NFD'), kind: 'person' } }))
    expect(text).toContain('Nguyễn Thị Ánh (Cá nhân)')
  })

  it('embeds a subset of the font, is a small A4 PDF and carries the metadata', async () => {
    const pdf = await receiptPdf(receipt)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeLessThan(100_000)
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/FontFile2')
    // A subset font's name carries a six-letter tag: ABCDEF+BeVietnamPro-Regular.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Regular/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Bold/)
    expect(raw).not.toContain('Helvetica')
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]')
    const { info } = await read(pdf)
    expect(info.Title).toBe('Biên nhận ủng hộ 2026-000123')
    expect(info.Author).toBe('Quỹ Bảo trợ trẻ em tỉnh Quảng Trị')
    // Midnight of 5 March in Vietnam (UTC+7) is 17:00 UTC on the 4th.
    expect(info.CreationDate).toBe('D:20260304170000Z')
  })

  it('renders the same receipt to the same bytes', async () => {
    const first = await receiptPdf(receipt)
    const second = await receiptPdf(structuredClone(receipt))
    expect(first.equals(second)).toBe(true)
    const other = await receiptPdf({ ...receipt, number: '2026-000124' })
    expect(first.equals(other)).toBe(false)
  })

  it('dates a timestamp by the calendar in Vietnam', async () => {
    const { text } = await read(await receiptPdf({ ...receipt, issuedOn: '2026-03-05T18:30:00Z' }))
    expect(text).toContain('Ngày: 06/03/2026')
  })

  it('receipts money alone without a table total, items alone without words', async () => {
    const moneyOnly = (await read(await receiptPdf({ ...receipt, items: undefined }))).text
    expect(moneyOnly).toContain('Bằng chữ: Một triệu đồng.')
    expect(moneyOnly).not.toContain('Tổng giá trị')
    const itemsOnly = (await read(await receiptPdf({ ...receipt, money: undefined, totalValue: 1_600_000 }))).text
    expect(itemsOnly).not.toContain('Bằng chữ')
    expect(itemsOnly).toContain('Tổng giá trị 1.600.000 ₫')
    expect(itemsOnly).not.toContain('chưa định giá')
  })

  it('keeps a dozen items on one page and carries a long list over to a second', async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ label: `Bộ quần áo ấm số ${i + 1}`, quantity: i + 1, unitValue: 150_000, receivedOn: '2026-03-04' }))
    const dozen = await read(await receiptPdf({ ...receipt, items: items(12) }))
    expect(dozen.totalPages).toBe(1)
    expect(dozen.text).toContain('Bộ quần áo ấm số 12')

    const long = await read(await receiptPdf({ ...receipt, items: items(45) }))
    expect(long.totalPages).toBe(2)
    for (const n of [1, 30, 45]) expect(long.text).toContain(`Bộ quần áo ấm số ${n} ${n}`)
    // The column headings are repeated on the second page, and pages are numbered.
    expect(long.text.match(/STT Nội dung Số lượng/g)).toHaveLength(2)
    expect(long.text).toContain('Trang 2/2')
    // 1 000 000 + 150 000 × (1 + … + 45) = 156 250 000
    expect(long.text).toContain('Tổng giá trị 156.250.000 ₫')
  })

  it('refuses a receipt with nothing received or money that is not whole đồng', async () => {
    await expect(receiptPdf({ ...receipt, money: undefined, items: [] })).rejects.toThrow(RangeError)
    await expect(receiptPdf({ ...receipt, money: { amount: 100.5, receivedOn: '2026-03-04' } })).rejects.toThrow(RangeError)
  })
})
