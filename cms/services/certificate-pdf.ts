/**
 * The certificates of a drawing contest, printed by the organisers and handed to the families
 * at the award ceremony: a *giấy khen* (award certificate: "Giải Nhất — Bảng A: 6–8 tuổi") for
 * each prize winner and a *giấy chứng nhận tham gia* (certificate of participation) for every
 * child who took part. One A4 landscape page per child, in one PDF to print at once.
 *
 * The child's full name is printed: the paper is the family's, never published (public pages
 * show a given name and family initial only, and only with consent).
 *
 * A pure function of its input like the donation receipt (cms/services/receipt-pdf.ts, whose
 * notes on pdfkit and the font apply here): it reads no database, and the same certificates
 * give the same bytes (the creation date is the issue date). Be Vietnam Pro (SIL OFL 1.1) is
 * embedded as a subset, so Vietnamese comes back out of the file exactly (in NFC).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'

export type CertificateLanguage = 'vi' | 'en'

export type Certificate = {
  kind: 'winner' | 'participant'
  /** As the family gave it: family name then given name ("Nguyễn Thị Lan"). */
  childName: string
  /** The category's label ("Bảng A: 6–8 tuổi"). */
  category: string
  /** The prize's label ("Giải Nhất"), for a winner. */
  prize?: string
  entryTitle?: string
  school?: string
  /** The entry code, small in a corner: lets the organisers match a paper to its entry. */
  entryCode?: string
}

export type CertificateDocument = {
  language: CertificateLanguage
  /** Who awards it (the office or the site's name); "Ban tổ chức" alone when empty. */
  organiser: string
  contest: { title: string; theme?: string | null }
  /** ISO date (2027-06-01): the date written above the signature. */
  issuedOn: string
  /** Where it is signed, before the date ("Tây Ninh, ngày …"). */
  place?: string
  signer?: { name: string; title: string }
  certificates: Certificate[]
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

const TEXT = {
  vi: {
    motto: ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
    winnerTitle: 'GIẤY KHEN',
    participantTitle: 'GIẤY CHỨNG NHẬN',
    docTitle: (title: string) => `Giấy chứng nhận — ${title}`,
    organisers: 'BAN TỔ CHỨC CUỘC THI',
    awards: 'Trao tặng em',
    certifies: 'Chứng nhận em',
    won: (prize: string, category: string) => `Đã đạt ${prize} — ${category}`,
    tookPart: (category: string) => `Đã tham gia cuộc thi — ${category}`,
    contest: (title: string) => `Cuộc thi ${title}`,
    theme: (theme: string) => `Chủ đề: “${theme}”`,
    work: (title: string) => `Với tác phẩm “${title}”`,
    school: (school: string) => `Trường: ${school}`,
    date: (place: string | undefined, d: { year: number; month: number; day: number }) => `${place ? `${place}, ` : ''}ngày ${pad2(d.day)} tháng ${pad2(d.month)} năm ${d.year}`,
    onBehalf: 'TM. BAN TỔ CHỨC',
    code: 'Mã bài',
    lang: 'vi-VN',
  },
  en: {
    motto: [] as string[],
    winnerTitle: 'CERTIFICATE OF AWARD',
    participantTitle: 'CERTIFICATE OF PARTICIPATION',
    docTitle: (title: string) => `Certificates — ${title}`,
    organisers: 'THE ORGANISING COMMITTEE',
    awards: 'is proud to award',
    certifies: 'certifies that',
    won: (prize: string, category: string) => `${prize} — ${category}`,
    tookPart: (category: string) => `took part in the contest — ${category}`,
    contest: (title: string) => title,
    theme: (theme: string) => `Theme: \u201c${theme}\u201d`,
    work: (title: string) => `for the picture \u201c${title}\u201d`,
    school: (school: string) => `School: ${school}`,
    date: (place: string | undefined, d: { year: number; month: number; day: number }) => `${place ? `${place}, ` : ''}${d.day} ${EN_MONTHS[d.month - 1] ?? ''} ${d.year}`,
    onBehalf: 'FOR THE ORGANISERS',
    code: 'Entry',
    lang: 'en',
  },
} as const

// ---------------------------------------------------------------------------------------------
// Font files (as in receipt-pdf.ts: resolved from this module, then from the app's root)
// ---------------------------------------------------------------------------------------------

const FONT_PACKAGE = '@expo-google-fonts/be-vietnam-pro'
const FONT_FILES = { regular: '400Regular/BeVietnamPro_400Regular.ttf', bold: '700Bold/BeVietnamPro_700Bold.ttf', italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf' } as const

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
  throw new Error(`Certificate font ${specifier} not found: is ${FONT_PACKAGE} installed?`)
}

let fontPaths: Record<keyof typeof FONT_FILES, string> | undefined
function fonts(): Record<keyof typeof FONT_FILES, string> {
  fontPaths ??= { regular: fontPath(FONT_FILES.regular), bold: fontPath(FONT_FILES.bold), italic: fontPath(FONT_FILES.italic) }
  return fontPaths
}

type Doc = PDFKit.PDFDocument
const useFont = (doc: Doc, weight: keyof typeof FONT_FILES) => doc.font(fonts()[weight])
const nfc = (s: string) => s.normalize('NFC')

// ---------------------------------------------------------------------------------------------
// Layout: A4 landscape
// ---------------------------------------------------------------------------------------------

const PAGE = { width: 841.89, height: 595.28 }
const MARGIN = 56
const WIDTH = PAGE.width - 2 * MARGIN
const INK = '#1a1a1a'
const ACCENT = '#b3261e'
const MUTED = '#555555'
const FRAME = '#c9a227'

function calendarDay(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim())
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`)
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

function frame(doc: Doc): void {
  doc.save().lineWidth(3).strokeColor(FRAME).rect(24, 24, PAGE.width - 48, PAGE.height - 48).stroke()
  doc.lineWidth(0.8).rect(32, 32, PAGE.width - 64, PAGE.height - 64).stroke().restore()
}

/** Centred text on the page's width; returns the y below it. */
function centred(doc: Doc, text: string, y: number, size: number, weight: keyof typeof FONT_FILES = 'regular', color = INK): number {
  useFont(doc, weight).fontSize(size).fillColor(color).text(nfc(text), MARGIN, y, { width: WIDTH, align: 'center' })
  return doc.y
}

function page(doc: Doc, c: Certificate, input: CertificateDocument): void {
  const t = TEXT[input.language]
  frame(doc)
  let y = 50
  // the national motto heads an official paper in Vietnam
  for (const [i, line] of t.motto.entries()) y = centred(doc, line, y, i === 0 ? 11 : 11.5, i === 0 ? 'bold' : 'bold') + 1
  y += t.motto.length ? 10 : 0
  const organiser = input.organiser.trim()
  y = centred(doc, organiser ? `${t.organisers} — ${organiser.toLocaleUpperCase(t.lang)}` : t.organisers, y, 11, 'regular', MUTED) + 14
  y = centred(doc, c.kind === 'winner' ? t.winnerTitle : t.participantTitle, y, 34, 'bold', ACCENT) + 6
  y = centred(doc, t.contest(input.contest.title), y, 14, 'bold') + 2
  if (input.contest.theme) y = centred(doc, t.theme(input.contest.theme), y, 12, 'italic', MUTED) + 2
  y += 14
  y = centred(doc, c.kind === 'winner' ? t.awards : t.certifies, y, 13) + 6
  y = centred(doc, c.childName, y, 30, 'bold') + 8
  y = centred(doc, c.kind === 'winner' ? t.won(c.prize ?? '', c.category) : t.tookPart(c.category), y, 16, 'bold', c.kind === 'winner' ? ACCENT : INK) + 4
  if (c.entryTitle) y = centred(doc, t.work(c.entryTitle), y, 12.5, 'italic') + 2
  if (c.school) centred(doc, t.school(c.school), y, 11, 'regular', MUTED)

  // date and the signing block, bottom right (room left for the signature and the seal)
  const blockWidth = 300
  const blockX = PAGE.width - MARGIN - blockWidth
  const blockY = PAGE.height - 170
  useFont(doc, 'italic').fontSize(11).fillColor(INK).text(nfc(t.date(input.place, calendarDay(input.issuedOn))), blockX, blockY, { width: blockWidth, align: 'center' })
  useFont(doc, 'bold').fontSize(11.5).text(nfc(input.signer?.title ?? t.onBehalf), blockX, doc.y + 2, { width: blockWidth, align: 'center' })
  if (input.signer) useFont(doc, 'bold').fontSize(12).text(nfc(input.signer.name), blockX, PAGE.height - 80, { width: blockWidth, align: 'center' })
  if (c.entryCode) useFont(doc, 'regular').fontSize(8).fillColor(MUTED).text(`${t.code}: ${c.entryCode}`, MARGIN, PAGE.height - 62, { width: 200, lineBreak: false })
}

/**
 * Renders the certificates, one page each, in the order given. Throws RangeError when there is
 * none, or a winner without a prize, or an issue date that is not ISO.
 */
export async function certificatePdf(input: CertificateDocument): Promise<Buffer> {
  if (!input.certificates.length) throw new RangeError('No certificate to print')
  for (const c of input.certificates) if (c.kind === 'winner' && !c.prize) throw new RangeError(`A winner's certificate needs the prize (${c.childName})`)
  const { year, month, day } = calendarDay(input.issuedOn)
  const t = TEXT[input.language]
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // the embedded font is the default one, so pdfkit never loads its standard Helvetica metrics
    font: fonts().regular,
    autoFirstPage: false,
    bufferPages: false,
    lang: t.lang,
    displayTitle: true,
    info: {
      Title: nfc(t.docTitle(input.contest.title)),
      Author: nfc(input.organiser || t.organisers),
      Subject: nfc(input.contest.title),
      CreationDate: new Date(`${year}-${pad2(month)}-${pad2(day)}T00:00:00+07:00`),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  for (const c of input.certificates) {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 })
    page(doc, c, input)
  }
  doc.end()
  return done
}
