/**
 * The fund officers' working lists of pledges, as filters of the admin's pledges list (and of
 * the REST API: the same `where`):
 * - **to call**: donors who gave a phone number only get no email from the platform, so an
 *   officer calls them — to arrange the gift while it is pledged, to thank them once received;
 * - **unpaid money pledges**: money promised, nothing received yet — to remind, or let lapse;
 * - **received, not yet thanked**: received in full; donors with an email are thanked by the
 *   thank-you email within a minute, so what stays here needs a call (or the email failed).
 */
import type { Where } from 'payload'
import type { Lang } from '../i18n/messages'

export const PLEDGE_LISTS = {
  toCall: {
    label: { vi: 'Cần gọi điện (không có thư điện tử)', en: 'To call (no email)' },
    where: { or: [{ and: [{ 'donor.email': { exists: false } }, { status: { in: ['pledged', 'received'] } }] }] },
  },
  unpaidMoney: {
    label: { vi: 'Cam kết tiền chưa nhận', en: 'Unpaid money pledges' },
    where: { or: [{ and: [{ status: { equals: 'pledged' } }, { amount: { greater_than: 0 } }] }] },
  },
  notThanked: {
    label: { vi: 'Đã nhận đủ, chưa cảm ơn', en: 'Received, not yet thanked' },
    where: { or: [{ and: [{ status: { equals: 'received' } }] }] },
  },
} as const satisfies Record<string, { label: Record<Lang, string>; where: Where }>
export type PledgeList = keyof typeof PLEDGE_LISTS

/** The columns an officer needs to call: who, their phone, what is at stake. */
export const CALL_COLUMNS = ['reference', 'donor.name', 'donor.phone', 'status', 'amount', 'drive', 'createdAt'] as const

/**
 * A value as URL query parameters in the bracket form Payload reads (`where[or][0][and][0][status][equals]=pledged`),
 * arrays by index.
 */
export function toQuery(value: unknown, prefix: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => toQuery(v, `${prefix}[${i}]`))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => toQuery(v, `${prefix}[${k}]`))
  return [`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`]
}

/** The query string (without `?`) of one working list, with the columns to call from. */
export function pledgeListQuery(list: PledgeList): string {
  return [...toQuery(PLEDGE_LISTS[list].where, 'where'), `columns=${encodeURIComponent(JSON.stringify(CALL_COLUMNS))}`].join('&')
}
