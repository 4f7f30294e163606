/** Dates and numbers the way readers expect them: Vietnamese (1.337; 1 tháng 6, 2025) or English. */
import type { Lang } from '../i18n/routes'

const TIME_ZONE = 'Asia/Ho_Chi_Minh'
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }

// Building an Intl formatter costs far more than using one: one per language and style.
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dates(lang: Lang, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${style}`
  let f = made.get(key)
  if (!(f instanceof Intl.DateTimeFormat)) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: TIME_ZONE })
    made.set(key, f)
  }
  return f
}
function numbers(lang: Lang, style: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${lang}:${style}`
  let f = made.get(key)
  if (!(f instanceof Intl.NumberFormat)) {
    f = new Intl.NumberFormat(LOCALE[lang], options)
    made.set(key, f)
  }
  return f
}
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return dates(lang, 'day', DAY).format(new Date(iso))
}

export function formatDateRange(start: string | null | undefined, end: string | null | undefined, lang: Lang): string {
  if (!start || !end) return formatDate(start ?? end, lang)
  return dates(lang, 'day', DAY).formatRange(
    new Date(start),
    new Date(end),
  )
}

export function formatNumber(value: number, lang: Lang): string {
  return numbers(lang, 'number', { maximumFractionDigits: 1 }).format(value)
}

export function formatPercent(ratio: number, lang: Lang): string {
  return numbers(lang, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(ratio)
}

/** Machine-readable date for <time datetime>. */
export function isoDay(iso: string | null | undefined): string {
  return iso ? new Date(iso).toISOString().slice(0, 10) : ''
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return dates(lang, 'time', { ...DAY, hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** "Thứ Hai, 7 tháng 6, 2027" / "Monday 7 June 2027" */
export function formatDayWithWeekday(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return dates(lang, 'weekday', { ...DAY, weekday: 'long' }).format(new Date(iso))
}

/** A deadline, Vietnam time: "17:00 ngày 15/05/2027" / "17:00 on 15 May 2027". */
export function formatDeadline(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  const at = new Date(iso)
  const time = dates(lang, 'hm', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
  if (lang === 'vi') return `${time} ngày ${dates(lang, 'dmy', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at)}`
  return `${time} on ${dates(lang, 'day', DAY).format(at)}`
}

/** A day as 15/05/2027 (Vietnam time), the way forms ask for dates. */
export function formatShortDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return dates(lang, 'dmy', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso))
}
