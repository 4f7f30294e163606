/**
 * Pledge references: the short code a donor writes as the transfer note ("nội dung chuyển
 * khoản") when paying a pledge by bank transfer, so the office can tell from its bank statement
 * which pledge a transfer pays.
 *
 * Form: `TT-7K3QX`. "TT" stands for "từ thiện" (charity, a gift); then 5 characters from a
 * 29-character alphabet with no look-alikes: digits 2–9 and the letters A–Z without I, L, O, U
 * and V (no 0/O, 1/I/L, U/V to misread from a screen or a handwritten slip). A code has at least
 * one digit and at least one letter, so it never spells a word (Vietnamese or English, which
 * keeps words in a note from being taken for a reference) and never looks like an amount or an
 * account number. That leaves 29⁵ − 21⁵ − 8⁵ = 16,394,280 codes. Random codes collide by the
 * birthday bound (about 3 pairs among 10,000), so a new code is checked against the pledges
 * already made: newUniquePledgeReference.
 *
 * Banks mangle notes on the way: apps upper- or lowercase them, drop or add spaces, dashes and
 * dots, glue their own transaction ids in front ("MBVCB.3345678.TT7K3QX.CT tu ..."), and donors
 * add Vietnamese words around the code. referencesIn reads every reference that could be meant;
 * matchReference keeps the one that is a known pledge, and gives up (null, a person looks) when
 * two different known pledges appear.
 */
import { randomInt } from 'node:crypto'

/** The characters of the code part, in the order generation draws them from. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ'
const CODE_LENGTH = 5
/** How many different references there are: 29⁵ codes less the 21⁵ all-letter and 8⁵ all-digit ones. */
export const REFERENCE_COUNT = 29 ** 5 - 21 ** 5 - 8 ** 5

/** The canonical form: TT, a dash, 5 characters of the alphabet with at least one digit and one letter. */
export const PLEDGE_REFERENCE = /^TT-(?=[A-Z]*[2-9])(?=[2-9]*[A-Z])[2-9A-HJKMNP-TW-Z]{5}$/

/** A uniform number in [0, 1) from the operating system's cryptographic generator. */
const secureRandom = () => randomInt(2 ** 47) / 2 ** 47

/**
 * A new random reference. `random` returns numbers in [0, 1) like Math.random (tests pass a
 * fixed sequence); by default it is node:crypto. The reference is not checked for uniqueness:
 * see newUniquePledgeReference.
 */
export function newPledgeReference(random: () => number = secureRandom): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    let code = ''
    for (let i = 0; i < CODE_LENGTH; i++) {
      const index = Math.floor(random() * REFERENCE_ALPHABET.length)
      const char = REFERENCE_ALPHABET[index]
      if (char === undefined) throw new Error(`newPledgeReference: random() must return a number in [0, 1)`)
      code += char
    }
    const reference = `TT-${code}`
    if (PLEDGE_REFERENCE.test(reference)) return reference // else all letters or all digits: draw again
  }
  throw new Error('newPledgeReference: random() gave no code with both a digit and a letter in 100 draws')
}

/**
 * A new reference that `isTaken` (a lookup among existing pledges) says is free. The database's
 * unique index stays the last word: a pledge saved at the same moment can still take it.
 */
export async function newUniquePledgeReference(isTaken: (reference: string) => boolean | Promise<boolean>, random?: () => number): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const reference = newPledgeReference(random)
    if (!(await isTaken(reference))) return reference
  }
  throw new Error('newUniquePledgeReference: 20 references in a row were taken')
}

/** Uppercase ASCII: Vietnamese letters lose their marks (ủ→U, đ→D), so "tt" in any dress reads as TT. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
}

/** Up to 3 characters that are neither letters nor digits (space, dash, dot, colon...) may stand between TT and the code. */
const SEPARATORS = '[^A-Z0-9]{0,3}'

/** The canonical form of a reference typed in any case and spacing ("tt 7k3qx", "TT.7K3QX"), or null. */
export function normalizeReference(text: string): string | null {
  const m = new RegExp(`^TT${SEPARATORS}([A-Z0-9]{${CODE_LENGTH}})$`).exec(fold(text).trim())
  const reference = m ? `TT-${m[1]}` : ''
  return PLEDGE_REFERENCE.test(reference) ? reference : null
}

/**
 * Every reference that a transfer note could mean, canonical, without repeats, in the order they
 * appear. Each "TT" in the note is tried, with up to 3 separators after it and the next 5
 * characters as the code, whether or not the text around is glued on; overlapping readings
 * ("TTT7K3QX": TT-T7K3Q and TT-7K3QX) are all returned. Ordinary words never give one (no digit
 * in them); glued bank ids may give false ones, which is why callers check candidates against
 * known pledges (matchReference).
 */
export function referencesIn(note: string): string[] {
  const text = fold(note)
  const found: string[] = []
  const after = new RegExp(`^${SEPARATORS}([A-Z0-9]{${CODE_LENGTH}})`)
  for (let at = text.indexOf('TT'); at !== -1; at = text.indexOf('TT', at + 1)) {
    const m = after.exec(text.slice(at + 2, at + 2 + 3 + CODE_LENGTH))
    const reference = m ? `TT-${m[1]}` : ''
    if (PLEDGE_REFERENCE.test(reference) && !found.includes(reference)) found.push(reference)
  }
  return found
}

/**
 * The one known reference in a transfer note, or null when there is none or when two different
 * known references appear (ambiguous: a person decides which pledge the transfer pays).
 */
export function matchReference(note: string, isKnown: (reference: string) => boolean): string | null {
  const known = referencesIn(note).filter(isKnown)
  return known.length === 1 ? (known[0] ?? null) : null
}
