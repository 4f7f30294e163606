/**
 * VietQR: the bank-transfer QR code that every Vietnamese banking app scans.
 *
 * Terms:
 * - NAPAS 247: the national interbank switch that moves a transfer from the donor's bank to ours
 *   in seconds, any hour. VietQR is NAPAS's QR format for it.
 * - EMVCo MPM: VietQR is a profile of the EMVCo "Merchant-Presented Mode" QR standard (the format
 *   behind most payment QRs in Asia). The QR holds plain text, a list of TLV fields.
 * - TLV: each field is a 2-digit tag, a 2-digit length and the value ("5802VN" = tag 58, length
 *   02, value "VN"). Some values are templates: a TLV list of their own.
 * - BIN (bank identification number): the 6-digit number NAPAS gives each bank (Vietcombank
 *   970436). With the account number it says where the money goes; the app looks up and shows
 *   the account holder's name itself, so no name is carried in the code.
 * - Static / dynamic ("point of initiation", tag 01): 11 = a static code the donor fills the
 *   amount in; 12 = a dynamic code made for one payment, with the amount filled in.
 * - Service code QRIBFTTA: "QR inter-bank fund transfer to account" (QRIBFTTC would be to a card).
 * - Transfer note (tag 62, sub-tag 08 "purpose of transaction"): the text the transfer carries to
 *   our bank statement. The pledge reference goes here so the transfer can be matched to the
 *   pledge (see pledge-reference.ts). Apps want it without diacritics, so it is folded to ASCII.
 * - CRC (tag 63): a CRC-16/CCITT-FALSE checksum (polynomial 0x1021, start 0xFFFF) over the whole
 *   text up to and including "6304", as 4 hexadecimal digits. Apps refuse a code whose CRC is off.
 *
 * The layout here follows the NAPAS "QR switching" specification (v1.5.2) as summarised by
 * vietqr.io and the open implementations of it, and reproduces their published payloads exactly
 * (see tests/unit/vietqr.test.ts).
 *
 * Why no library: npm's `vietqr` (1.1.x) calls the vietqr.io web API through axios (no offline
 * use); `vietnam-qr-pay` is maintained, typed and dependency-free, but is a mutable class for
 * several QR kinds that validates nothing (a value over 99 characters silently gets a wrong
 * 2-digit length, the amount is any string) and parses leniently; the emv-qr builders are old
 * and untyped. The subset needed here is a few fixed fields and a 10-line CRC, so it is written
 * out below, with the validation the donor-facing pages need.
 */
import { qrPng, qrSvg } from './qr-code'

/** NAPAS's globally unique identifier (an EMVCo application id) that marks tag 38 as VietQR. */
export const NAPAS_GUID = 'A000000727'
/** Transfer to an account number (as opposed to QRIBFTTC, to a card number). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA'
/** ISO 4217 numeric code of the Vietnamese dong. */
const CURRENCY_VND = '704'
/** Tag 54 holds at most 13 characters. */
export const MAX_AMOUNT = 9_999_999_999_999
/** Longest transfer note accepted, after folding to ASCII (EMVCo's own guide is 25; apps take more). */
export const MAX_NOTE_LENGTH = 50

export type VietQrInput = {
  /** The bank's 6-digit NAPAS BIN, e.g. '970436' for Vietcombank. */
  bin: string
  /** The receiving account: 1 to 19 letters or digits. */
  accountNumber: string
  /** Whole dong; when given the code is dynamic (point of initiation 12). */
  amount?: number
  /** The transfer note (the pledge reference goes here); folded to ASCII, at most 50 characters after that. */
  note?: string
}

export type VietQrFields = {
  bin: string
  accountNumber: string
  amount: number | undefined
  note: string | undefined
  /** true for a one-payment code (point of initiation 12), false for a static one (11). */
  dynamic: boolean
  /** QRIBFTTA (to an account) or QRIBFTTC (to a card). */
  service: string
}

/** A common bank: its NAPAS BIN, the short code NAPAS and vietqr.io use, the brand and the legal name. */
export type VietBank = { bin: string; code: string; shortName: string; name: string }

/**
 * The banks most donors use. BINs as published in NAPAS's member list (checked against the bank
 * tables of vietqr.io and the vietnam-qr-pay package); codes are the NAPAS short codes vietqr.io
 * accepts in place of a BIN.
 */
export const VIET_BANKS: readonly VietBank[] = [
  { bin: '970436', code: 'VCB', shortName: 'Vietcombank', name: 'Ngân hàng TMCP Ngoại thương Việt Nam' },
  { bin: '970415', code: 'ICB', shortName: 'VietinBank', name: 'Ngân hàng TMCP Công thương Việt Nam' },
  { bin: '970418', code: 'BIDV', shortName: 'BIDV', name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam' },
  { bin: '970405', code: 'VBA', shortName: 'Agribank', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam' },
  { bin: '970407', code: 'TCB', shortName: 'Techcombank', name: 'Ngân hàng TMCP Kỹ thương Việt Nam' },
  { bin: '970422', code: 'MB', shortName: 'MB Bank', name: 'Ngân hàng TMCP Quân đội' },
  { bin: '970416', code: 'ACB', shortName: 'ACB', name: 'Ngân hàng TMCP Á Châu' },
  { bin: '970403', code: 'STB', shortName: 'Sacombank', name: 'Ngân hàng TMCP Sài Gòn Thương Tín' },
  { bin: '970432', code: 'VPB', shortName: 'VPBank', name: 'Ngân hàng TMCP Việt Nam Thịnh Vượng' },
  { bin: '970423', code: 'TPB', shortName: 'TPBank', name: 'Ngân hàng TMCP Tiên Phong' },
]

/** The bank with this BIN or code (case-insensitive), or undefined. */
export function findBank(binOrCode: string): VietBank | undefined {
  const key = binOrCode.trim().toUpperCase()
  return VIET_BANKS.find((b) => b.bin === key || b.code === key)
}

/**
 * A transfer note as banking apps accept it: Vietnamese letters without their marks (ủ→u, đ→d),
 * letters, digits, spaces and dashes kept, anything else dropped, runs of space made one.
 */
export function asciiNote(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // the combining marks: tones, hats, horns, breves
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, ' ')
    .replace(/[^A-Za-z0-9 -]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** CRC-16/CCITT-FALSE of the text's UTF-8 bytes, as 4 uppercase hexadecimal digits. */
export function crc16(text: string): string {
  let crc = 0xffff
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

/** One TLV field: tag, 2-digit length, value (1 to 99 characters). */
function field(tag: string, value: string): string {
  if (value.length < 1 || value.length > 99) throw new Error(`VietQR: field ${tag} must hold 1 to 99 characters, not ${value.length}`)
  return `${tag}${String(value.length).padStart(2, '0')}${value}`
}

/** Checks the input and returns it as it will be encoded (the note folded to ASCII). */
function checked(input: VietQrInput): { bin: string; accountNumber: string; amount: number | undefined; note: string | undefined } {
  const { bin, accountNumber, amount } = input
  if (!/^\d{6}$/.test(bin)) throw new Error(`VietQR: the bank BIN must be 6 digits, not "${bin}"`)
  if (!/^[A-Za-z0-9]{1,19}$/.test(accountNumber)) throw new Error(`VietQR: the account number must be 1 to 19 letters or digits, not "${accountNumber}"`)
  if (amount !== undefined && !(Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_AMOUNT)) {
    throw new Error(`VietQR: the amount must be a whole number of dong from 1 to ${MAX_AMOUNT}, not ${amount}`)
  }
  let note: string | undefined
  if (input.note !== undefined && input.note.trim() !== '') {
    note = asciiNote(input.note)
    if (note === '') throw new Error(`VietQR: the note "${input.note}" has no character a banking app accepts`)
    if (note.length > MAX_NOTE_LENGTH) throw new Error(`VietQR: the note must be at most ${MAX_NOTE_LENGTH} characters, "${note}" has ${note.length}`)
  }
  return { bin, accountNumber, amount, note }
}

/** The VietQR text for a transfer to this account; throws an Error naming the bad input. */
export function vietQrPayload(input: VietQrInput): string {
  const { bin, accountNumber, amount, note } = checked(input)
  const beneficiary = field('00', bin) + field('01', accountNumber)
  const merchant = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', SERVICE_TO_ACCOUNT)
  const body =
    field('00', '01') + // payload format indicator
    field('01', amount === undefined ? '11' : '12') + // point of initiation: static or dynamic
    field('38', merchant) +
    field('53', CURRENCY_VND) +
    (amount === undefined ? '' : field('54', String(amount))) +
    field('58', 'VN') +
    (note === undefined ? '' : field('62', field('08', note))) +
    '6304' // the CRC's own tag and length are covered by the CRC
  return body + crc16(body)
}

type Tlv = { tag: string; value: string }

/** Reads a TLV list (any EMVCo text or template); throws on a malformed one. */
export function readTlv(text: string): Tlv[] {
  const fields: Tlv[] = []
  let at = 0
  while (at < text.length) {
    const head = text.slice(at, at + 4)
    if (!/^\d{4}$/.test(head)) throw new Error(`VietQR: expected a tag and length at position ${at}, found "${head}"`)
    const length = Number(head.slice(2))
    const value = text.slice(at + 4, at + 4 + length)
    if (length === 0 || value.length !== length) throw new Error(`VietQR: field ${head.slice(0, 2)} at position ${at} is cut short`)
    fields.push({ tag: head.slice(0, 2), value })
    at += 4 + length
  }
  return fields
}

const valueOf = (fields: Tlv[], tag: string) => fields.find((f) => f.tag === tag)?.value

/**
 * Decodes a VietQR text back to its transfer fields, checking its CRC (either case of hex, as
 * some apps write lowercase) and that it is a NAPAS transfer in dong; throws otherwise. Written
 * on the generic TLV reader, not on the builder, so tests can check one against the other.
 */
export function parseVietQr(payload: string): VietQrFields {
  const crcAt = payload.length - 8
  if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== '6304') throw new Error('VietQR: the text does not end with a CRC field (6304....)')
  const expected = crc16(payload.slice(0, crcAt + 4))
  const found = payload.slice(crcAt + 4).toUpperCase()
  if (found !== expected) throw new Error(`VietQR: CRC mismatch (the code says ${found}, its content gives ${expected})`)

  const root = readTlv(payload)
  if (valueOf(root, '00') !== '01') throw new Error('VietQR: the payload format indicator (00) is not 01')
  const merchant = valueOf(root, '38')
  if (merchant === undefined) throw new Error('VietQR: no NAPAS merchant account field (38)')
  const napas = readTlv(merchant)
  if (valueOf(napas, '00') !== NAPAS_GUID) throw new Error(`VietQR: field 38 is not NAPAS's (${NAPAS_GUID})`)
  const beneficiary = readTlv(valueOf(napas, '01') ?? '')
  const bin = valueOf(beneficiary, '00')
  const accountNumber = valueOf(beneficiary, '01')
  if (bin === undefined || accountNumber === undefined) throw new Error('VietQR: the beneficiary (38/01) lacks a BIN or an account')
  const service = valueOf(napas, '02') ?? ''
  const currency = valueOf(root, '53')
  if (currency !== CURRENCY_VND) throw new Error(`VietQR: the currency (53) is ${currency ?? 'missing'}, not dong (704)`)

  const amountText = valueOf(root, '54')
  if (amountText !== undefined && !/^\d+$/.test(amountText)) throw new Error(`VietQR: the amount (54) "${amountText}" is not a whole number of dong`)
  const additional = valueOf(root, '62')
  const note = additional === undefined ? undefined : valueOf(readTlv(additional), '08')
  return {
    bin,
    accountNumber,
    amount: amountText === undefined ? undefined : Number(amountText),
    note,
    dynamic: valueOf(root, '01') === '12',
    service,
  }
}

/** Error correction M (15%) and a 4-module quiet zone, as bank apps and printed posters expect. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const

/** The VietQR code as an SVG document (scales cleanly for print). */
export function vietQrSvg(payload: string): string {
  return qrSvg(payload, QR_OPTIONS)
}

/** The VietQR code as a 1-bit PNG, `scale` pixels a module (for email, where SVG is not shown). */
export function vietQrPng(payload: string, scale = 6): Buffer {
  return qrPng(payload, { scale, ...QR_OPTIONS })
}
