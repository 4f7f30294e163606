/** Dates and numbers the way readers expect them: Vietnamese (1.337; 1 tháng 6, 2025) or English. */
import type { Lang } from '../i18n/routes'

const TIME_ZONE = 'Asia/Ho_Chi_Minh'
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso))
}

export function formatDateRange(start: string | null | undefined, end: string | null | undefined, lang: Lang): string {
  if (!start || !end) return formatDate(start ?? end, lang)
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).formatRange(
    new Date(start),
    new Date(end),
  )
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(value)
}

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(ratio)
}

/** Machine-readable date for <time datetime>. */
export function isoDay(iso: string | null | undefined): string {
  return iso ? new Date(iso).toISOString().slice(0, 10) : ''
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(iso))
}

/** "Thứ Hai, 7 tháng 6, 2027" / "Monday 7 June 2027" */
export function formatDayWithWeekday(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso))
}
