/**
 * A day as Vietnamese forms and class lists write it: 31/12/2017, 31-12-2017, 31.12.2017 or
 * 2017-12-31 → 2017-12-31; anything else comes back unchanged, for the schema to refuse. No
 * imports: the browser's class-list reader uses it too, without loading zod.
 */
export function normaliseDay(value: string): string {
  const v = value.trim()
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v)
  if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v)
  if (ymd) return `${ymd[1]}-${ymd[2]?.padStart(2, '0')}-${ymd[3]?.padStart(2, '0')}`
  return v
}
