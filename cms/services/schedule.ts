/**
 * A course's daily sessions from its first day: `days` sessions on consecutive days, Sundays
 * skipped when asked (swimming courses run 12–17 days, usually Monday to Saturday).
 */
export function dailySessions(firstDay: string, days: number, start: string, end: string, skipSundays = true): { date: string; start: string; end: string }[] {
  const out: { date: string; start: string; end: string }[] = []
  const d = new Date(`${firstDay}T00:00:00.000Z`)
  while (out.length < days) {
    if (!(skipSundays && d.getUTCDay() === 0)) out.push({ date: d.toISOString().slice(0, 10), start, end })
    d.setUTCDate(d.getUTCDate() + 1)
  }
  return out
}
