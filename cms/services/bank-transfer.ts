/**
 * One movement of money on the office's bank account, whichever way we heard of it: a SePay
 * webhook (SePay reads the bank's balance-change notifications and POSTs each one to us) or a
 * line of a bank statement that staff downloaded from internet banking and uploaded.
 *
 * Donors write the pledge reference (e.g. `TT-7K3QX`) in the transfer note; matching notes to
 * pledges works on this neutral shape only, so it never has to know where a transfer came from.
 *
 * Vietnam keeps UTC+7 all year (no daylight saving). Banks and SePay print local wall-clock
 * times without an offset; they are turned into UTC here, once, so the two sources compare.
 */

export type IncomingTransfer = {
  source: 'sepay' | 'statement'
  /**
   * Unique per source. SePay: its own transaction id (SePay's docs tell receivers to deduplicate
   * on it, since a delivery can be retried). Statement: a hash of the row's account, time,
   * direction, amount, note and bank reference, so uploading the same file twice, or two
   * statements whose periods overlap, records each bank line once.
   */
  transactionId: string
  /** UTC ISO 8601 (the bank's Vietnam time minus 7 hours). Date-only statements: 00:00 Vietnam time. */
  bookedAt: string
  /** The office's account the money moved on, when known. */
  accountNumber: string | null
  /** Whole đồng, always > 0; the sign is in `direction`. */
  amount: number
  /** 'in' = credit (a donor paid us); 'out' = debit (we paid, or a bank fee). */
  direction: 'in' | 'out'
  /** The transfer note as the bank shows it (where donors type the pledge reference). */
  note: string
  /**
   * The bank's own reference for the movement (e.g. "FT26365123456789", "MBVCB.3278907687").
   * The same bank movement carries it in the SePay webhook and in the statement, so it is the
   * key for telling that one transfer reached us both ways.
   */
  bankReference: string | null
  /** The bank's name as SePay reports it (e.g. "Vietcombank"); null for statements. */
  gateway: string | null
}

/** Vietnam's offset from UTC, in hours, all year round. */
export const VIETNAM_UTC_OFFSET_HOURS = 7

/**
 * A wall-clock moment in Vietnam → UTC ISO string, or null when it is not a real calendar moment
 * (31/02, 25:00…). Months are 1-12.
 */
export function vietnamTimeToIso(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | null {
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return null
  if (year < 1900 || year > 9999 || hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) return null
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 31/02 over to 03/03; a real date reads back unchanged.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null
  return new Date(wall.getTime() - VIETNAM_UTC_OFFSET_HOURS * 3600_000).toISOString()
}

/** 'YYYY-MM-DD HH:mm:ss' (or with 'T', seconds optional) in Vietnam time → UTC ISO, or null. */
export function parseVietnamDateTime(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim())
  if (!m) return null
  return vietnamTimeToIso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
}
