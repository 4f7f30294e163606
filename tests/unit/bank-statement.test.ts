import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  STATEMENT_MAX_BYTES,
  STATEMENT_MAX_ROWS,
  StatementError,
  parseBankStatement,
  parseStatementDate,
  parseVndAmount,
  type StatementErrorCode,
} from '../../cms/services/bank-statement'

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

async function xlsx(sheets: { name: string; rows: ExcelJS.CellValue[][]; merge?: string[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name)
    for (const row of s.rows) ws.addRow(row)
    for (const range of s.merge ?? []) ws.mergeCells(range)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function failure(file: { name: string; bytes: Buffer }): Promise<StatementErrorCode | 'no error'> {
  try {
    await parseBankStatement(file)
    return 'no error'
  } catch (e) {
    if (e instanceof StatementError) return e.code
    throw e
  }
}

/** Vietcombank-style CSV: title lines, Vietnamese headers, separate debit and credit columns, UTF-8 with BOM. */
const VCB_CSV = [
  'NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM',
  'SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT',
  'Số tài khoản: 0071 0012 34567,,,,,,',
  'Từ ngày 01/12/2026 đến ngày 31/12/2026',
  '',
  'STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Số dư,Mô tả',
  ',,,,,"15.000.000",Số dư đầu kỳ',
  '1,01/12/2026 09:15:00,5213-71234,,"500.000","15.500.000",MBVCB.12345.TT-7K3QX.Ung ho qua Tet',
  '2,02/12/2026,FT26336000001,"22.000",,"15.478.000",Phi quan ly tai khoan',
  '3,03/12/2026 14:05,FT26337000002,,"1,000,000","16.478.000",TT-AB12C ung ho',
  '4,2026-12-04,FT26338000003,,"1 000 000 VND","17.478.000","NGUYEN VAN A chuyen tien   TT-ZZ9Q1"',
  '5,05-12-2026,FT26339000004,,1000000.00,"18.478.000",TT-7K3QX lan 2',
  '6,06/12/2026,FT26340000005,,"200.000đ","18.678.000",',
  '',
  '7,07/12/2026,FT26341000006,,"abc",,Loi so tien',
  '8,32/12/2026,FT26342000007,,"100.000",,Ngay sai',
  ',,,"22.000","3.700.000",,Tổng cộng',
  ',,,,,"18.678.000",Số dư cuối kỳ',
  '',
].join('\r\n')

describe('parseBankStatement: Vietcombank-style CSV', () => {
  it('finds the header under the title lines and reads every field of every line', async () => {
    const result = await parseBankStatement({ name: 'saoke.csv', bytes: utf8Bom(VCB_CSV) })
    expect(result.format).toBe('csv')
    expect(result.headerRow).toBe(6)
    expect(result.accountNumber).toBe('0071001234567')
    expect(result.columns).toEqual({ date: 'Ngày giao dịch', credit: 'Số tiền ghi có', debit: 'Số tiền ghi nợ', amount: null, content: 'Mô tả', reference: 'Số tham chiếu' })
    const rows = result.transfers.map(({ transactionId: _id, ...t }) => t)
    const base = { source: 'statement', accountNumber: '0071001234567', gateway: null } as const
    expect(rows).toEqual([
      { ...base, bookedAt: '2026-12-01T02:15:00.000Z', amount: 500_000, direction: 'in', note: 'MBVCB.12345.TT-7K3QX.Ung ho qua Tet', bankReference: '5213-71234' },
      { ...base, bookedAt: '2026-12-01T17:00:00.000Z', amount: 22_000, direction: 'out', note: 'Phi quan ly tai khoan', bankReference: 'FT26336000001' },
      { ...base, bookedAt: '2026-12-03T07:05:00.000Z', amount: 1_000_000, direction: 'in', note: 'TT-AB12C ung ho', bankReference: 'FT26337000002' },
      { ...base, bookedAt: '2026-12-03T17:00:00.000Z', amount: 1_000_000, direction: 'in', note: 'NGUYEN VAN A chuyen tien TT-ZZ9Q1', bankReference: 'FT26338000003' },
      { ...base, bookedAt: '2026-12-04T17:00:00.000Z', amount: 1_000_000, direction: 'in', note: 'TT-7K3QX lan 2', bankReference: 'FT26339000004' },
      { ...base, bookedAt: '2026-12-05T17:00:00.000Z', amount: 200_000, direction: 'in', note: '', bankReference: 'FT26340000005' },
    ])
    expect(result.skipped).toEqual([
      { row: 7, reason: 'opening balance line' },
      { row: 14, reason: 'empty line' },
      { row: 15, reason: 'unreadable amount "abc"' },
      { row: 16, reason: 'unreadable date "32/12/2026"' },
      { row: 17, reason: 'totals line' },
      { row: 18, reason: 'closing balance line' },
    ])
  })

  it('gives the same ids to the same file read twice, and never one id to two lines', async () => {
    const a = await parseBankStatement({ name: 'a.csv', bytes: utf8Bom(VCB_CSV) })
    const b = await parseBankStatement({ name: 'b.csv', bytes: utf8Bom(VCB_CSV) })
    expect(b.transfers.map((t) => t.transactionId)).toEqual(a.transfers.map((t) => t.transactionId))
    expect(new Set(a.transfers.map((t) => t.transactionId)).size).toBe(a.transfers.length)
    for (const t of a.transfers) expect(t.transactionId).toMatch(/^st-[0-9a-f]{32}$/)
  })

  it('takes the account number from the caller over the title lines, and it is part of the id', async () => {
    const a = await parseBankStatement({ name: 'a.csv', bytes: utf8Bom(VCB_CSV) })
    const b = await parseBankStatement({ name: 'a.csv', bytes: utf8Bom(VCB_CSV) }, { accountNumber: '1903999999' })
    expect(b.accountNumber).toBe('1903999999')
    expect(b.transfers[0]?.accountNumber).toBe('1903999999')
    expect(b.transfers[0]?.transactionId).not.toBe(a.transfers[0]?.transactionId)
  })

  it('reads semicolon-separated files and Excel\'s "sep=" line', async () => {
    const semicolon = ['Sao kê tài khoản', 'Ngày;Số tiền ghi có;Số tiền ghi nợ;Nội dung', '01/12/2026;"1.500.000";;TT-7K3QX', ''].join('\n')
    const r1 = await parseBankStatement({ name: 's.csv', bytes: Buffer.from(semicolon) })
    expect(r1.transfers).toMatchObject([{ amount: 1_500_000, direction: 'in', note: 'TT-7K3QX', bankReference: null }])
    const r2 = await parseBankStatement({ name: 's.csv', bytes: Buffer.from(`sep=;\n${semicolon}`) })
    expect(r2.transfers.map((t) => t.transactionId)).toEqual(r1.transfers.map((t) => t.transactionId))
    expect(r2.headerRow).toBe(2)
  })

  it('reads the account number from a title line that goes on with the period', async () => {
    const csv = ['Tài khoản: 0071001234567, 01/12/2026 - 31/12/2026', 'Ngày;Ghi có;Nội dung', '01/12/2026;"1.500.000";TT-7K3QX'].join('\n')
    const r = await parseBankStatement({ name: 's.csv', bytes: Buffer.from(csv) })
    expect(r.accountNumber).toBe('0071001234567')
    expect(r.transfers[0]?.accountNumber).toBe('0071001234567')
  })
})

describe('parseBankStatement: header names', () => {
  it('does not take an English "No." (row number) column for "Nợ" (debit), nor "Co" for "Có"', async () => {
    const csv = ['No.,Date,Debit,Credit,Co,Transaction details,Ref No.', '1,01/12/2026,,"300,000",x,TT-7K3QX,FT1', '2,02/12/2026,"5,000",,x,Fee,FT2'].join('\n')
    const r = await parseBankStatement({ name: 'e.csv', bytes: Buffer.from(csv) })
    expect(r.columns).toEqual({ date: 'Date', credit: 'Credit', debit: 'Debit', amount: null, content: 'Transaction details', reference: 'Ref No.' })
    expect(r.transfers).toMatchObject([
      { amount: 300_000, direction: 'in', note: 'TT-7K3QX', bankReference: 'FT1' },
      { amount: 5_000, direction: 'out', note: 'Fee', bankReference: 'FT2' },
    ])
  })

  it('ignores case and diacritics, and prefers the transaction date over the effective date', async () => {
    const csv = ['NGAY HIEU LUC;NGÀY GIAO DỊCH;GHI CO;DIEN GIAI;SO THAM CHIEU', '02/12/2026;01/12/2026 10:00;"100.000";TT-7K3QX;R1'].join('\n')
    const r = await parseBankStatement({ name: 'u.csv', bytes: Buffer.from(csv) })
    expect(r.columns).toMatchObject({ date: 'NGÀY GIAO DỊCH', credit: 'GHI CO', debit: null, content: 'DIEN GIAI', reference: 'SO THAM CHIEU' })
    expect(r.transfers).toMatchObject([{ bookedAt: '2026-12-01T03:00:00.000Z', amount: 100_000, direction: 'in', bankReference: 'R1' }])
  })
})

describe('parseBankStatement: lines that are not movements', () => {
  it('keeps a dated gift whose note starts like a totals line, skips dated balance lines and two-sided lines', async () => {
    const csv = [
      'Ngày giao dịch,Ghi nợ,Ghi có,Nội dung',
      '01/12/2026,,"2.000.000",Số dư đầu kỳ',
      '01/12/2026,,"300.000",Tong tien ung ho TT-7K3QX',
      '02/12/2026,,"100.000",Total gift TT-AB12C',
      '03/12/2026,"5.000","5.000",Dieu chinh',
      '31/12/2026,,,Số dư cuối kỳ:',
      'Cộng phát sinh,"5.000","2.405.000",',
    ].join('\n')
    const r = await parseBankStatement({ name: 'x.csv', bytes: Buffer.from(csv) })
    expect(r.transfers.map((t) => [t.amount, t.note])).toEqual([
      [300_000, 'Tong tien ung ho TT-7K3QX'],
      [100_000, 'Total gift TT-AB12C'],
    ])
    expect(r.skipped).toEqual([
      { row: 2, reason: 'opening balance line' },
      { row: 5, reason: 'both a debit and a credit amount' },
      { row: 6, reason: 'closing balance line' },
      { row: 7, reason: 'totals line' },
    ])
  })
})

describe('parseBankStatement: identical and overlapping lines', () => {
  const csv = (lines: string[]) => Buffer.from(['Date,Credit,Debit,Description', ...lines].join('\n'))

  it('tells apart two identical gifts on one day, and an overlapping statement gives the shared lines the same ids', async () => {
    const december = await parseBankStatement({
      name: 'dec.csv',
      bytes: csv(['30/12/2026,100000,,TT-7K3QX', '31/12/2026,100000,,TT-7K3QX', '31/12/2026,100000,,TT-7K3QX', '31/12/2026,,100000,TT-7K3QX']),
    })
    const ids = december.transfers.map((t) => t.transactionId)
    expect(ids).toHaveLength(4)
    expect(new Set(ids).size).toBe(4)
    // The next statement starts on 31/12: the same three lines of that day, then January.
    const overlap = await parseBankStatement({
      name: 'jan.csv',
      bytes: csv(['31/12/2026,100000,,TT-7K3QX', '31/12/2026,100000,,TT-7K3QX', '31/12/2026,,100000,TT-7K3QX', '01/01/2027,100000,,TT-7K3QX']),
    })
    const again = overlap.transfers.map((t) => t.transactionId)
    expect(again.slice(0, 3)).toEqual(ids.slice(1))
    expect(ids).not.toContain(again[3])
  })

  it('gives different ids to lines that differ only in reference, amount, direction, note or time', async () => {
    const r = await parseBankStatement({
      name: 'x.csv',
      bytes: Buffer.from(
        [
          'Ngày giao dịch,Số tiền,Nội dung,Số tham chiếu',
          '31/12/2026 10:00,100000,TT-7K3QX,FT1',
          '31/12/2026 10:00,100000,TT-7K3QX,FT2',
          '31/12/2026 10:00,100001,TT-7K3QX,FT1',
          '31/12/2026 10:00,-100000,TT-7K3QX,FT1',
          '31/12/2026 10:00,100000,TT-7K3QY,FT1',
          '31/12/2026 10:01,100000,TT-7K3QX,FT1',
        ].join('\n'),
      ),
    })
    expect(r.transfers).toHaveLength(6)
    expect(new Set(r.transfers.map((t) => t.transactionId)).size).toBe(6)
  })
})

describe('parseBankStatement: Techcombank-style XLSX', () => {
  const rows: ExcelJS.CellValue[][] = [
    ['NGÂN HÀNG TMCP KỸ THƯƠNG VIỆT NAM (TECHCOMBANK)'],
    ['SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT'],
    ['Số tài khoản/Account number:', '19036 88888 012'],
    ['Kỳ sao kê/Period: 01/12/2026 - 31/12/2026'],
    [],
    ['Ngày giao dịch/Transaction Date', 'Đối tác/Remitter', 'Diễn giải/Description', 'Nợ/Debit', 'Có/Credit', 'Số dư/Balance', 'Số giao dịch/Transaction No'],
    [null, null, 'Số dư đầu kỳ/Opening balance', null, null, 2_000_000, null],
    [new Date(Date.UTC(2026, 11, 24, 20, 30, 5)), 'TRAN THI B', { richText: [{ text: 'TT-7K3QX ' }, { text: 'Giang sinh', font: { bold: true } }] }, null, 300_000, 2_300_000, 'FT26358112233'],
    [new Date(Date.UTC(2026, 11, 25)), 'TCB', 'Phi SMS Banking', 11_000, null, 2_289_000, 'FT26359000001'],
    ['26/12/2026 08:00:00', 'LE VAN C', 'TT-AB12C', null, '2.000.000', 4_289_000, 'FT26360000002'],
    [46387, 'PHAM D', 'TT-QQ7X2 ung ho', null, { formula: '1000000*2', result: 2_000_000 }, 6_289_000, 'FT26361000003'],
    [new Date(Date.UTC(2026, 11, 27)), 'PHAM D', 'Hoan tra', -50_000, null, 6_239_000, 'FT26361000004'],
    [new Date(Date.UTC(2026, 11, 28)), null, 'Khong co so tien', null, null, 6_239_000, 'FT26361000005'],
    [null, null, 'Tổng cộng/Total', 111_000, 4_300_000, null, null],
    [null, null, 'Số dư cuối kỳ/Closing balance', null, null, 6_239_000, null],
  ]

  it('reads the first sheet with a header (after a cover sheet), whatever the file is named', async () => {
    const bytes = await xlsx([
      { name: 'Thong tin', rows: [['Sao kê tài khoản'], ['In ngày 01/01/2027']] },
      { name: 'Sao ke', rows },
    ])
    const result = await parseBankStatement({ name: 'statement.csv', bytes })
    expect(result.format).toBe('xlsx')
    expect(result.sheet).toBe('Sao ke')
    expect(result.headerRow).toBe(6)
    expect(result.accountNumber).toBe('1903688888012')
    expect(result.columns).toEqual({
      date: 'Ngày giao dịch/Transaction Date',
      credit: 'Có/Credit',
      debit: 'Nợ/Debit',
      amount: null,
      content: 'Diễn giải/Description',
      reference: 'Số giao dịch/Transaction No',
    })
    const base = { source: 'statement', accountNumber: '1903688888012', gateway: null } as const
    expect(result.transfers.map(({ transactionId: _id, ...t }) => t)).toEqual([
      // 24/12 20:30:05 in Vietnam is 13:30:05 UTC.
      { ...base, bookedAt: '2026-12-24T13:30:05.000Z', amount: 300_000, direction: 'in', note: 'TT-7K3QX Giang sinh', bankReference: 'FT26358112233' },
      { ...base, bookedAt: '2026-12-24T17:00:00.000Z', amount: 11_000, direction: 'out', note: 'Phi SMS Banking', bankReference: 'FT26359000001' },
      { ...base, bookedAt: '2026-12-26T01:00:00.000Z', amount: 2_000_000, direction: 'in', note: 'TT-AB12C', bankReference: 'FT26360000002' },
      // 46387 is Excel's serial number of 2026-12-31, in a cell that lost its date format.
      { ...base, bookedAt: '2026-12-30T17:00:00.000Z', amount: 2_000_000, direction: 'in', note: 'TT-QQ7X2 ung ho', bankReference: 'FT26361000003' },
      { ...base, bookedAt: '2026-12-26T17:00:00.000Z', amount: 50_000, direction: 'out', note: 'Hoan tra', bankReference: 'FT26361000004' },
    ])
    expect(result.skipped).toEqual([
      { row: 7, reason: 'opening balance line' },
      { row: 13, reason: 'no amount' },
      { row: 14, reason: 'totals line' },
      { row: 15, reason: 'closing balance line' },
    ])
  })

  it('reads a two-line header: "Số tiền" spanning "Ghi nợ" and "Ghi có" below it', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['Ngân hàng TMCP Đầu tư và Phát triển Việt Nam'],
          ['Ngày GD', 'Số tiền', null, 'Số dư', 'Nội dung', 'Số bút toán'],
          [null, 'Ghi nợ', 'Ghi có', null, null, null],
          ['15/12/2026', null, 750_000, 1_750_000, 'TT-7K3QX', 'BT001'],
          ['16/12/2026', 20_000, null, 1_730_000, 'Phi', 'BT002'],
        ],
        merge: ['B2:C2'],
      },
    ])
    const result = await parseBankStatement({ name: 'bidv.xlsx', bytes })
    expect(result.columns).toEqual({ date: 'Ngày GD', credit: 'Ghi có', debit: 'Ghi nợ', amount: null, content: 'Nội dung', reference: 'Số bút toán' })
    expect(result.transfers).toMatchObject([
      { amount: 750_000, direction: 'in', note: 'TT-7K3QX', bankReference: 'BT001', bookedAt: '2026-12-14T17:00:00.000Z' },
      { amount: 20_000, direction: 'out', note: 'Phi', bankReference: 'BT002' },
    ])
    expect(result.skipped).toEqual([])
  })

  it('gives the same ids for the same rows in XLSX, whichever file carries them', async () => {
    const a = await parseBankStatement({ name: 'a.xlsx', bytes: await xlsx([{ name: 'Sao ke', rows }]) })
    const b = await parseBankStatement({ name: 'b.xlsx', bytes: await xlsx([{ name: 'Sao ke', rows }]) })
    expect(b.transfers.map((t) => t.transactionId)).toEqual(a.transfers.map((t) => t.transactionId))
  })
})

describe('parseBankStatement: MB-style UTF-16 text with one signed amount column', () => {
  const text = [
    'NGÂN HÀNG TMCP QUÂN ĐỘI - MB',
    'Tài khoản: 0901234567890',
    '',
    'Ngày GD\tSố tiền\tNội dung\tMã giao dịch',
    '2026-12-31 23:59:59\t+2.000.000\tTT-7K3QX chuc mung nam moi\tFT26365999999',
    '31-12-2026\t-11.000\tPhi dich vu\tFT26365000001',
    '30/12/2026\t(5.000)\tPhi SMS\tFT26364000001',
    '29/12/2026\t1.234.567 VNĐ\tTT-AB12C\tFT26363000001',
    '28/12/2026\t0\tGiao dich 0 dong\tFT26362000001',
    'Total\t2.218.567\t\t',
  ].join('\r\n')

  it('decodes UTF-16LE with its mark, guesses the tab separator and reads the sign', async () => {
    const result = await parseBankStatement({ name: 'mb.txt', bytes: utf16le(text) })
    expect(result.accountNumber).toBe('0901234567890')
    expect(result.columns).toEqual({ date: 'Ngày GD', credit: null, debit: null, amount: 'Số tiền', content: 'Nội dung', reference: 'Mã giao dịch' })
    const base = { source: 'statement', accountNumber: '0901234567890', gateway: null } as const
    expect(result.transfers.map(({ transactionId: _id, ...t }) => t)).toEqual([
      { ...base, bookedAt: '2026-12-31T16:59:59.000Z', amount: 2_000_000, direction: 'in', note: 'TT-7K3QX chuc mung nam moi', bankReference: 'FT26365999999' },
      { ...base, bookedAt: '2026-12-30T17:00:00.000Z', amount: 11_000, direction: 'out', note: 'Phi dich vu', bankReference: 'FT26365000001' },
      { ...base, bookedAt: '2026-12-29T17:00:00.000Z', amount: 5_000, direction: 'out', note: 'Phi SMS', bankReference: 'FT26364000001' },
      { ...base, bookedAt: '2026-12-28T17:00:00.000Z', amount: 1_234_567, direction: 'in', note: 'TT-AB12C', bankReference: 'FT26363000001' },
    ])
    expect(result.skipped).toEqual([
      { row: 9, reason: 'no amount' },
      { row: 10, reason: 'totals line' },
    ])
  })

  it('reads the same text in UTF-8 without a mark the same way', async () => {
    const a = await parseBankStatement({ name: 'mb.txt', bytes: utf16le(text) })
    const b = await parseBankStatement({ name: 'mb.csv', bytes: Buffer.from(text, 'utf8') })
    expect(b.transfers).toEqual(a.transfers)
  })
})

describe('parseBankStatement: files it cannot read', () => {
  it('refuses garbage, PDFs, old .xls, broken ZIPs and web pages as unknown-format', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))
    expect(await failure({ name: 'saoke.csv', bytes: garbage })).toBe('unknown-format')
    expect(await failure({ name: 'saoke.csv', bytes: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nstream\n\u0000\u0001\u0002', 'latin1') })).toBe('unknown-format')
    expect(await failure({ name: 'saoke.xls', bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]) })).toBe('unknown-format')
    expect(await failure({ name: 'saoke.xlsx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(100, 1)]) })).toBe('unknown-format')
    expect(await failure({ name: 'saoke.xls', bytes: Buffer.from('<html><body><table><tr><td>Ngày giao dịch</td></tr></table></body></html>') })).toBe('unknown-format')
  })

  it('refuses a file without a recognisable header as no-header', async () => {
    expect(await failure({ name: 'list.csv', bytes: utf8Bom('Họ tên,Số điện thoại\nNguyễn Văn A,0901234567\n') })).toBe('no-header')
    // A date column alone is not enough: there must be a money column.
    expect(await failure({ name: 'list.csv', bytes: Buffer.from('Ngày giao dịch,Nội dung\n01/12/2026,TT-7K3QX\n') })).toBe('no-header')
    expect(await failure({ name: 'x.xlsx', bytes: await xlsx([{ name: 'A', rows: [['Tên', 'Lớp'], ['An', '3A']] }]) })).toBe('no-header')
  })

  it('refuses empty files, and files over the size or line limit', async () => {
    expect(await failure({ name: 'empty.csv', bytes: Buffer.alloc(0) })).toBe('empty')
    expect(await failure({ name: 'blank.csv', bytes: utf8Bom('\r\n\r\n') })).toBe('empty')
    expect(await failure({ name: 'big.csv', bytes: Buffer.alloc(STATEMENT_MAX_BYTES + 1, 0x20) })).toBe('too-large')
    const line = '01/12/2026,1000,,TT-7K3QX'
    const atLimit = ['Date,Credit,Debit,Description', ...Array.from({ length: STATEMENT_MAX_ROWS }, () => line)].join('\n')
    const r = await parseBankStatement({ name: 'ok.csv', bytes: Buffer.from(atLimit) })
    expect(r.transfers).toHaveLength(STATEMENT_MAX_ROWS)
    expect(new Set(r.transfers.map((t) => t.transactionId)).size).toBe(STATEMENT_MAX_ROWS)
    expect(await failure({ name: 'big.csv', bytes: Buffer.from(`${atLimit}\n${line}`) })).toBe('too-large')
  })
})

describe('parseVndAmount', () => {
  it('reads Vietnamese and English groupings, decimals of zero, currency marks and signs', () => {
    expect(parseVndAmount('1.000.000')).toBe(1_000_000)
    expect(parseVndAmount('1,000,000')).toBe(1_000_000)
    expect(parseVndAmount('1 000 000')).toBe(1_000_000)
    expect(parseVndAmount('1\u00a0000\u00a0000')).toBe(1_000_000)
    expect(parseVndAmount('1000000.00')).toBe(1_000_000)
    expect(parseVndAmount('1.000.000,00')).toBe(1_000_000)
    expect(parseVndAmount('1,000,000.0')).toBe(1_000_000)
    expect(parseVndAmount('1000000')).toBe(1_000_000)
    expect(parseVndAmount('1.000')).toBe(1_000)
    expect(parseVndAmount('500.000 VND')).toBe(500_000)
    expect(parseVndAmount('VND 500,000')).toBe(500_000)
    expect(parseVndAmount('500.000đ')).toBe(500_000)
    expect(parseVndAmount('500.000 VNĐ')).toBe(500_000)
    expect(parseVndAmount('500.000 ₫')).toBe(500_000)
    expect(parseVndAmount('-500.000')).toBe(-500_000)
    expect(parseVndAmount('(500.000)')).toBe(-500_000)
    expect(parseVndAmount('500.000-')).toBe(-500_000)
    expect(parseVndAmount('+500.000')).toBe(500_000)
    expect(parseVndAmount(250_000)).toBe(250_000)
    expect(parseVndAmount(249_999.99999999)).toBe(250_000)
    expect(parseVndAmount(null)).toBeNull()
    expect(parseVndAmount('  ')).toBeNull()
  })

  it('refuses what is not a whole number of đồng', () => {
    for (const bad of ['abc', '1.5', '1.000,50', '1.00.000', '1,000.000,000', '12,34,567', '1..000', '10 USD', '5e6']) {
      expect(parseVndAmount(bad), bad).toBe('unreadable')
    }
    expect(parseVndAmount(12.5)).toBe('unreadable')
    expect(parseVndAmount(Number.NaN)).toBe('unreadable')
    expect(parseVndAmount(new Date())).toBe('unreadable')
  })
})

describe('parseStatementDate', () => {
  it('reads day-first dates with or without a time, ISO dates and Excel dates, as Vietnam time', () => {
    expect(parseStatementDate('31/12/2026')).toBe('2026-12-30T17:00:00.000Z')
    expect(parseStatementDate('31/12/2026 14:05:00')).toBe('2026-12-31T07:05:00.000Z')
    expect(parseStatementDate('31/12/2026 14:05')).toBe('2026-12-31T07:05:00.000Z')
    expect(parseStatementDate('1/2/2026')).toBe('2026-01-31T17:00:00.000Z')
    expect(parseStatementDate('31-12-2026')).toBe('2026-12-30T17:00:00.000Z')
    expect(parseStatementDate('31.12.2026')).toBe('2026-12-30T17:00:00.000Z')
    expect(parseStatementDate('2026-12-31')).toBe('2026-12-30T17:00:00.000Z')
    expect(parseStatementDate('2026-12-31 06:59:59')).toBe('2026-12-30T23:59:59.000Z')
    expect(parseStatementDate('2026-12-31T07:00:00')).toBe('2026-12-31T00:00:00.000Z')
    expect(parseStatementDate(new Date(Date.UTC(2026, 11, 31, 14, 5)))).toBe('2026-12-31T07:05:00.000Z')
    expect(parseStatementDate(46387)).toBe('2026-12-30T17:00:00.000Z')
    expect(parseStatementDate(46387.5)).toBe('2026-12-31T05:00:00.000Z')
    expect(parseStatementDate(null)).toBeNull()
    expect(parseStatementDate(' ')).toBeNull()
  })

  it('refuses impossible dates and other text', () => {
    for (const bad of ['32/12/2026', '29/02/2026', '31/04/2026', '12/31/2026', '31/12/2026 25:00', 'Tổng cộng', '2026/13/01', 'hôm qua']) {
      expect(parseStatementDate(bad), bad).toBe('unreadable')
    }
    expect(parseStatementDate(12)).toBe('unreadable')
    expect(parseStatementDate(new Date(Number.NaN))).toBe('unreadable')
  })
})
