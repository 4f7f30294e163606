/**
 * The donation receipt ("biên nhận ủng hộ") a donor gets, as a PDF, with the thank-you email sent
 * when staff record a gift to a gift drive of the provincial Children's Support Fund (Quỹ Bảo trợ
 * trẻ em) as received. It is a pure function of the receipt: it reads no database and sends no
 * mail; the caller gives the receipt its number (numbered without gaps within each year, e.g.
 * 2026-000123, so an auditor can see that no receipt was torn out) and attaches the bytes.
 *
 * What a receipt says: who the fund is (name, address, tax code, the bank account gifts go to),
 * the receipt's number and date, who gave (a person, an organisation or an informal group), to
 * which drive, the pledge reference the donor was given when pledging (e.g. TT-7K3QX, the key
 * staff match transfers and parcels against), a table of what was received (money and/or items
 * with their quantity and, where one was stated, their value), the total, the money amount in
 * words, a thank-you line and the signature block of the person signing for the fund.
 * Vietnamese accounting practice writes the amount of money out in words as well as in figures
 * ("Bằng chữ: Một triệu đồng") so that a figure cannot be altered by adding a digit; English
 * receipts carry the same line in English words.
 *
 * Library: pdfkit. It is actively maintained, has TypeScript types (@types/pdfkit), lays text out
 * with fontkit (so Vietnamese stacked diacritics such as "ệ" and "ử" come out right), embeds
 * TrueType fonts as a subset holding only the glyphs used (a receipt is a few tens of KB, not the
 * font's 130 KB twice over), writes a ToUnicode map (so the text can be copied and searched) and,
 * given a fixed creation date, writes the same bytes for the same input: its file ID is a hash of
 * the document info, its subset tag comes from the font's order in the document, and its
 * compression has no randomness. pdf-lib, the other usual choice, has not had a release since
 * 2021 and its fontkit fork's subsetting is known to drop glyphs.
 *
 * Font: Be Vietnam Pro (SIL Open Font License 1.1, free to embed in any document), a typeface
 * drawn for Vietnamese, from the npm package @expo-google-fonts/be-vietnam-pro, which ships the
 * Google Fonts TTFs. The 14 standard PDF fonts cannot show Vietnamese (their encoding has no
 * "ơ", "ư", "đ" or the stacked tone marks), so the font must be embedded.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'

export type ReceiptLanguage = 'vi' | 'en'

export type ReceiptDocument = {
  language: ReceiptLanguage
  /** Given by the caller: the year, a dash and a sequence without gaps within that year. */
  number: string
  /** ISO date (2026-03-05) or timestamp; a timestamp is read as a date in Vietnam (UTC+7). */
  issuedOn: string
  fund: {
    name: string
    address?: string
    phone?: string
    email?: string
    /** Mã số thuế: lets an organisation count the gift as a deductible charitable expense. */
    taxCode?: string
    account?: { bankName: string; accountNumber: string; accountName: string }
  }
  donor: { name: string; kind: 'person' | 'organisation' | 'group'; contact?: string }
  drive: { title: string }
  /** The reference the donor was given when pledging, e.g. TT-7K3QX. */
  pledgeReference: string
  /** Money received, in whole đồng (VND has no minor unit in use). */
  money?: { amount: number; receivedOn: string }
  /** Goods received (rice, notebooks, bicycles…); the value is what the donor or staff stated, if any. */
  items?: { label: string; quantity: number; unitValue?: number | null; receivedOn: string }[]
  /** The total the fund books for this gift; when absent, money plus the stated value of the items. */
  totalValue?: number
  /** The thank-you line; a standard one is used when absent. */
  message?: string
  signer?: { name: string; title: string }
}

// ---------------------------------------------------------------------------------------------
// Amounts in words
// ---------------------------------------------------------------------------------------------

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const
const viDigit = (d: number): string => VI_DIGITS[d] ?? ''

function assertWholeAmount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Expected a whole, non-negative amount, got ${n}`)
}

/**
 * Reads a group of three digits the Vietnamese way. `full` is set when a higher group was already
 * read: then the hundreds are said even when zero ("một nghìn không trăm linh năm" for 1 005)
 * and a lone unit after a zero ten takes "linh" ("một trăm linh một"; the South says "lẻ").
 * Units change their sound after a ten: 1 is "mốt" after twenty and up ("hai mươi mốt") but
 * "một" after ten ("mười một"); 5 is "lăm" after any ten ("mười lăm", "hai mươi lăm").
 */
function readTriple(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100)
  const tens = Math.floor(value / 10) % 10
  const units = value % 10
  const words: string[] = []
  if (full || hundreds > 0) words.push(viDigit(hundreds), 'trăm')
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh')
  } else if (tens === 1) {
    words.push('mười')
  } else {
    words.push(viDigit(tens), 'mươi')
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt')
    else if (units === 5 && tens >= 1) words.push('lăm')
    else words.push(viDigit(units))
  }
  return words
}

/**
 * A whole number in Vietnamese words, lower case: 1 200 005 000 → "một tỷ hai trăm triệu không
 * trăm linh năm nghìn". Thousands are "nghìn" (the North's and the official word; the South says
 * "ngàn"); above "tỷ" (10⁹) the scales repeat ("một nghìn tỷ" for 10¹²). Groups of three zeros
 * are not read ("một triệu", not "một triệu không trăm nghìn").
 */
export function vietnameseNumberWords(n: number): string {
  assertWholeAmount(n)
  if (n === 0) return 'không'
  const billions = Math.floor(n / 1e9)
  const rest = n % 1e9
  const words: string[] = []
  if (billions > 0) words.push(vietnameseNumberWords(billions), 'tỷ')
  let started = billions > 0
  const groups: [number, string][] = [
    [Math.floor(rest / 1e6), 'triệu'],
    [Math.floor(rest / 1e3) % 1000, 'nghìn'],
    [rest % 1000, ''],
  ]
  for (const [value, scale] of groups) {
    if (value === 0) continue
    words.push(...readTriple(value, started))
    if (scale) words.push(scale)
    started = true
  }
  return words.join(' ')
}

const EN_SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
] as const
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'] as const

function englishBelowThousand(value: number): string {
  const hundreds = Math.floor(value / 100)
  const rest = value % 100
  const words: string[] = []
  if (hundreds > 0) words.push(`${EN_SMALL[hundreds] ?? ''} hundred`)
  if (rest > 0 && rest < 20) words.push(EN_SMALL[rest] ?? '')
  else if (rest >= 20) words.push(`${EN_TENS[Math.floor(rest / 10)] ?? ''}${rest % 10 ? `-${EN_SMALL[rest % 10] ?? ''}` : ''}`)
  return words.join(' ')
}

/** A whole number in English words (short scale, no "and"): 1 200 005 000 → "one billion two hundred million five thousand". */
export function englishNumberWords(n: number): string {
  assertWholeAmount(n)
  if (n === 0) return 'zero'
  const parts: string[] = []
  let rest = n
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000
    if (group > 0) parts.unshift(EN_SCALES[scale] ? `${englishBelowThousand(group)} ${EN_SCALES[scale]}` : englishBelowThousand(group))
    rest = Math.floor(rest / 1000)
  }
  return parts.join(' ')
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** The amount of money written out as on a receipt: "Một triệu đồng" / "One million Vietnamese dong". */
export function amountInWords(amount: number, language: ReceiptLanguage): string {
  return language === 'vi'
    ? `${capitalise(vietnameseNumberWords(amount))} đồng`
    : `${capitalise(englishNumberWords(amount))} Vietnamese dong`
}

// ---------------------------------------------------------------------------------------------
// Figures and dates
// ---------------------------------------------------------------------------------------------

/**
 * Money in đồng. Vietnamese groups thousands with dots and puts the sign after: "1.000.000 ₫".
 * English receipts use commas and the ISO code, "1,000,000 VND", which a reader abroad (or a
 * foreign company's accountant) cannot mistake for another dollar or pound sign.
 */
export function formatVnd(amount: number, language: ReceiptLanguage): string {
  assertWholeAmount(amount)
  const grouped = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',')
  return language === 'vi' ? `${grouped} ₫` : `${grouped} VND`
}

function formatQuantity(quantity: number, language: ReceiptLanguage): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(quantity)
}

const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** The calendar day of an ISO date or timestamp, as it was in Vietnam. */
function calendarDay(iso: string): { year: number; month: number; day: number } {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim())
  if (dateOnly) return { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]) }
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO date: ${iso}`)
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day') }
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const
const pad2 = (n: number) => String(n).padStart(2, '0')

/** dd/mm/yyyy in Vietnamese; "5 March 2026" in English (day-first numbers read wrongly in the US). */
function formatDate(iso: string, language: ReceiptLanguage, short = false): string {
  const { year, month, day } = calendarDay(iso)
  if (language === 'vi') return `${pad2(day)}/${pad2(month)}/${year}`
  const name = EN_MONTHS[month - 1] ?? ''
  return `${day} ${short ? name.slice(0, 3) : name} ${year}`
}

/** The creation date written into the PDF: the issue date at midnight in Vietnam, or the timestamp given. */
function issuedInstant(iso: string): Date {
  const { year, month, day } = calendarDay(iso)
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso.trim()) ? new Date(`${year}-${pad2(month)}-${pad2(day)}T00:00:00+07:00`) : new Date(iso)
  return instant
}

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

const TEXT = {
  vi: {
    title: 'BIÊN NHẬN ỦNG HỘ',
    docTitle: 'Biên nhận ủng hộ',
    number: 'Số',
    date: 'Ngày',
    phone: 'ĐT',
    taxCode: 'MST',
    account: (a: { bankName: string; accountNumber: string; accountName: string }) =>
      `Tài khoản: ${a.accountNumber} tại ${a.bankName} – Chủ tài khoản: ${a.accountName}`,
    donor: 'Nhà hảo tâm',
    kinds: { person: 'Cá nhân', organisation: 'Tổ chức', group: 'Nhóm' },
    contact: 'Liên hệ',
    drive: 'Chương trình',
    pledge: 'Mã cam kết',
    received: 'Đã nhận',
    columns: ['STT', 'Nội dung', 'Số lượng', 'Đơn giá', 'Thành tiền', 'Ngày nhận'],
    money: 'Tiền ủng hộ',
    total: 'Tổng giá trị',
    inWords: 'Bằng chữ',
    unvalued: 'Hiện vật chưa định giá không được tính vào tổng giá trị.',
    thanks: 'Quỹ xin trân trọng cảm ơn tấm lòng của quý vị đã chung tay vì trẻ em.',
    signedOn: (d: { year: number; month: number; day: number }) => `Ngày ${pad2(d.day)} tháng ${pad2(d.month)} năm ${d.year}`,
    onBehalf: 'Đại diện Quỹ',
    footer: 'Biên nhận số',
    page: 'Trang',
    lang: 'vi-VN',
  },
  en: {
    title: 'DONATION RECEIPT',
    docTitle: 'Donation receipt',
    number: 'No.',
    date: 'Date',
    phone: 'Tel.',
    taxCode: 'Tax code',
    account: (a: { bankName: string; accountNumber: string; accountName: string }) =>
      `Account: ${a.accountNumber} at ${a.bankName} – Account name: ${a.accountName}`,
    donor: 'Donor',
    kinds: { person: 'Individual', organisation: 'Organisation', group: 'Group' },
    contact: 'Contact',
    drive: 'Gift drive',
    pledge: 'Pledge reference',
    received: 'Received',
    columns: ['#', 'Description', 'Quantity', 'Unit value', 'Value', 'Received on'],
    money: 'Money donation',
    total: 'Total value',
    inWords: 'In words',
    unvalued: 'Items without a stated value are not counted in the total.',
    thanks: 'Thank you for standing with the children of our province.',
    signedOn: (d: { year: number; month: number; day: number }) => `${d.day} ${EN_MONTHS[d.month - 1] ?? ''} ${d.year}`,
    onBehalf: 'For the Fund',
    footer: 'Receipt no.',
    page: 'Page',
    lang: 'en',
  },
} as const

// ---------------------------------------------------------------------------------------------
// Font files
// ---------------------------------------------------------------------------------------------

const FONT_PACKAGE = '@expo-google-fonts/be-vietnam-pro'
const FONT_FILES = { regular: '400Regular/BeVietnamPro_400Regular.ttf', bold: '700Bold/BeVietnamPro_700Bold.ttf' } as const

/**
 * Finds a font file in node_modules at run time. It is resolved from this module first and from
 * the app's root second: after bundling (Next's server build), import.meta.url may no longer sit
 * beside node_modules, while the server is always started from the app root.
 */
function fontPath(file: string): string {
  const specifier = `${FONT_PACKAGE}/${file}`
  for (const base of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      const resolved = createRequire(base).resolve(specifier)
      if (path.isAbsolute(resolved) && existsSync(resolved)) return resolved
    } catch {
      // not reachable from this base: try the next
    }
  }
  throw new Error(`Receipt font ${specifier} not found: is ${FONT_PACKAGE} installed?`)
}

let fontPaths: Record<keyof typeof FONT_FILES, string> | undefined
/** The font files' paths, resolved once. pdfkit knows a font by its path, so each is embedded once. */
function fonts(): Record<keyof typeof FONT_FILES, string> {
  fontPaths ??= { regular: fontPath(FONT_FILES.regular), bold: fontPath(FONT_FILES.bold) }
  return fontPaths
}
const useFont = (doc: PDFKit.PDFDocument, weight: keyof typeof FONT_FILES) => doc.font(fonts()[weight])

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = { top: 50, bottom: 64, left: 56, right: 56 }
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right
const INK = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#9a9a9a'
const SHADE = '#eeeeee'

/** Column widths of the table (STT, description, quantity, unit value, value, date); they add up to the content width. */
const COLUMN_WIDTHS = [28, 163, 56, 80, 88, CONTENT_WIDTH - 28 - 163 - 56 - 80 - 88] as const
const CELL_PAD = 4
const TABLE_FONT_SIZE = 9

type Row = { cells: string[]; bold?: boolean; shaded?: boolean }
type Doc = PDFKit.PDFDocument

const nfc = (s: string) => s.normalize('NFC')

function rowHeight(doc: Doc, row: Row): number {
  useFont(doc, row.bold ? 'bold' : 'regular').fontSize(TABLE_FONT_SIZE)
  const heights = row.cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (COLUMN_WIDTHS[i] ?? 0) - 2 * CELL_PAD }))
  return Math.max(...heights) + 2 * CELL_PAD
}

function drawRow(doc: Doc, row: Row, y: number, height: number): void {
  if (row.shaded) doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(SHADE).restore()
  useFont(doc, row.bold ? 'bold' : 'regular').fontSize(TABLE_FONT_SIZE).fillColor(INK)
  let x = MARGIN.left
  row.cells.forEach((cell, i) => {
    const width = COLUMN_WIDTHS[i] ?? 0
    // Figures are right-aligned so their digits line up; the row number and the date are centred.
    const align = i === 1 ? 'left' : i === 0 || i === 5 ? 'center' : 'right'
    if (cell) doc.text(cell, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD, align })
    x += width
  })
  doc.save().lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + CONTENT_WIDTH, y + height).stroke().restore()
}

/** Lowest y that content may reach on a page (the footer lives in the bottom margin). */
const pageBottom = () => A4.height - MARGIN.bottom

function ensureRoom(doc: Doc, y: number, needed: number): number {
  if (y + needed <= pageBottom()) return y
  doc.addPage()
  return MARGIN.top
}

/** Label and value side by side; returns the y below them. */
function labelled(doc: Doc, label: string, value: string, y: number): number {
  const labelWidth = 120
  useFont(doc, 'regular').fontSize(10).fillColor(MUTED)
  const labelHeight = doc.heightOfString(`${label}:`, { width: labelWidth })
  useFont(doc, 'bold').fontSize(10).fillColor(INK)
  const valueHeight = doc.heightOfString(value, { width: CONTENT_WIDTH - labelWidth })
  y = ensureRoom(doc, y, Math.max(labelHeight, valueHeight))
  useFont(doc, 'regular').fillColor(MUTED).text(`${label}:`, MARGIN.left, y, { width: labelWidth })
  useFont(doc, 'bold').fillColor(INK).text(value, MARGIN.left + labelWidth, y, { width: CONTENT_WIDTH - labelWidth })
  return y + Math.max(labelHeight, valueHeight) + 4
}

/**
 * Renders the receipt. Same input, same bytes: the creation date is the issue date and nothing
 * else in the file depends on the clock or on chance. Throws RangeError for a receipt with
 * nothing received, a negative or fractional amount of money, or a date that is not ISO.
 */
export async function receiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const t = TEXT[receipt.language]
  const lang = receipt.language
  const money = receipt.money
  const items = receipt.items ?? []
  if (!money && items.length === 0) throw new RangeError('A receipt needs money or items received')
  if (money) assertWholeAmount(money.amount)
  const fundName = nfc(receipt.fund.name)
  const number = nfc(receipt.number)

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // The embedded font is the default one, so pdfkit never loads its standard Helvetica metrics.
    font: fonts().regular,
    bufferPages: true,
    lang: t.lang,
    displayTitle: true,
    info: {
      Title: `${t.docTitle} ${number}`,
      Author: fundName,
      Subject: nfc(receipt.drive.title),
      Keywords: nfc(receipt.pledgeReference),
      CreationDate: issuedInstant(receipt.issuedOn),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  // Header: the fund, its contact details and the account gifts of money go to.
  let y = MARGIN.top
  useFont(doc, 'bold').fontSize(15).fillColor(INK).text(fundName, MARGIN.left, y, { width: CONTENT_WIDTH })
  y = doc.y + 2
  const contact = [
    receipt.fund.address,
    receipt.fund.phone && `${t.phone}: ${receipt.fund.phone}`,
    receipt.fund.email,
    receipt.fund.taxCode && `${t.taxCode}: ${receipt.fund.taxCode}`,
  ].filter((s): s is string => Boolean(s))
  useFont(doc, 'regular').fontSize(9).fillColor(MUTED)
  if (contact.length) {
    doc.text(nfc(contact.join(' · ')), MARGIN.left, y, { width: CONTENT_WIDTH })
    y = doc.y + 1
  }
  if (receipt.fund.account) {
    const a = receipt.fund.account
    doc.text(nfc(t.account({ bankName: a.bankName, accountNumber: a.accountNumber, accountName: a.accountName })), MARGIN.left, y, { width: CONTENT_WIDTH })
    y = doc.y
  }
  y += 8
  doc.save().lineWidth(1).strokeColor(INK).moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).stroke().restore()

  // Title, number and date.
  y += 18
  useFont(doc, 'bold').fontSize(18).fillColor(INK).text(t.title, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center' })
  y = doc.y + 4
  useFont(doc, 'regular').fontSize(10).fillColor(INK)
    .text(`${t.number}: ${number}   ·   ${t.date}: ${formatDate(receipt.issuedOn, lang)}`, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center' })
  y = doc.y + 18

  // Who gave, to what.
  y = labelled(doc, t.donor, `${nfc(receipt.donor.name)} (${t.kinds[receipt.donor.kind]})`, y)
  if (receipt.donor.contact) y = labelled(doc, t.contact, nfc(receipt.donor.contact), y)
  y = labelled(doc, t.drive, nfc(receipt.drive.title), y)
  y = labelled(doc, t.pledge, nfc(receipt.pledgeReference), y)
  y += 10

  // What was received. A long list goes on to further pages, the column headings repeated.
  const header: Row = { cells: [...t.columns], bold: true, shaded: true }
  const rows: Row[] = []
  let counted = 0
  let unvalued = false
  if (money) {
    rows.push({ cells: [String(rows.length + 1), t.money, '', '', formatVnd(money.amount, lang), formatDate(money.receivedOn, lang, true)] })
    counted += money.amount
  }
  for (const item of items) {
    const hasValue = typeof item.unitValue === 'number'
    const value = hasValue ? Math.round(item.quantity * (item.unitValue ?? 0)) : null
    if (value === null) unvalued = true
    else counted += value
    rows.push({
      cells: [
        String(rows.length + 1),
        nfc(item.label),
        formatQuantity(item.quantity, lang),
        hasValue ? formatVnd(item.unitValue ?? 0, lang) : '—',
        value === null ? '—' : formatVnd(value, lang),
        formatDate(item.receivedOn, lang, true),
      ],
    })
  }
  const total = receipt.totalValue ?? counted
  const showTotal = rows.length > 1 || receipt.totalValue !== undefined

  const headerHeight = rowHeight(doc, header)
  doc.save().lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).stroke().restore()
  drawRow(doc, header, y, headerHeight)
  y += headerHeight
  for (const row of rows) {
    const height = rowHeight(doc, row)
    if (y + height > pageBottom()) {
      doc.addPage()
      y = MARGIN.top
      drawRow(doc, header, y, headerHeight)
      y += headerHeight
    }
    drawRow(doc, row, y, height)
    y += height
  }
  if (showTotal) {
    const totalRow: Row = { cells: ['', t.total, '', '', formatVnd(total, lang), ''], bold: true }
    const height = rowHeight(doc, totalRow)
    y = ensureRoom(doc, y, height)
    drawRow(doc, totalRow, y, height)
    y += height
  }
  y += 8
  if (unvalued && receipt.totalValue === undefined) {
    useFont(doc, 'regular').fontSize(8.5).fillColor(MUTED)
    y = ensureRoom(doc, y, doc.heightOfString(t.unvalued, { width: CONTENT_WIDTH }))
    doc.text(t.unvalued, MARGIN.left, y, { width: CONTENT_WIDTH })
    y = doc.y + 4
  }

  // The money amount in words, so the figure cannot be altered.
  if (money) {
    const line = `${t.inWords}: ${amountInWords(money.amount, lang)}.`
    useFont(doc, 'regular').fontSize(10).fillColor(INK)
    y = ensureRoom(doc, y, doc.heightOfString(line, { width: CONTENT_WIDTH }))
    doc.text(line, MARGIN.left, y, { width: CONTENT_WIDTH })
    y = doc.y + 14
  }

  // Thank-you line.
  const thanks = nfc(receipt.message ?? t.thanks)
  useFont(doc, 'regular').fontSize(10.5).fillColor(INK)
  y = ensureRoom(doc, y, doc.heightOfString(thanks, { width: CONTENT_WIDTH }))
  doc.text(thanks, MARGIN.left, y, { width: CONTENT_WIDTH })
  y = doc.y + 22

  // Signature block: date, the signer's title, room for the signature and the fund's seal, name.
  const blockWidth = 220
  const blockX = MARGIN.left + CONTENT_WIDTH - blockWidth
  y = ensureRoom(doc, y, 110)
  useFont(doc, 'regular').fontSize(10).fillColor(INK).text(t.signedOn(calendarDay(receipt.issuedOn)), blockX, y, { width: blockWidth, align: 'center' })
  useFont(doc, 'bold').text(nfc(receipt.signer?.title ?? t.onBehalf), blockX, doc.y + 2, { width: blockWidth, align: 'center' })
  const nameY = doc.y + 56
  if (receipt.signer) useFont(doc, 'bold').text(nfc(receipt.signer.name), blockX, nameY, { width: blockWidth, align: 'center' })

  // Footer on every page: the receipt number, and page numbers when there is more than one.
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    // Text below the bottom margin would make pdfkit start a new page; lift the margin while writing it.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const pageNote = range.count > 1 ? `   ·   ${t.page} ${i + 1}/${range.count}` : ''
    useFont(doc, 'regular').fontSize(8).fillColor(MUTED)
      .text(`${t.footer} ${number} · ${fundName}${pageNote}`, MARGIN.left, A4.height - MARGIN.bottom + 24, { width: CONTENT_WIDTH, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
