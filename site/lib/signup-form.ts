/**
 * The sign-up form as sent by a browser (with or without JavaScript) → the object the shared
 * schema (ZSignUp) validates. Field names are paths: `guardian.phone`, `children.2.birthDate`.
 * Child rows left completely empty are ignored (the form without JavaScript offers a few blank
 * rows), and a pasted or uploaded class list adds its children after the typed rows.
 */
import { parseClassList, type ClassListResult } from './class-list'
import { emptyChild, isBlankChild, type FormValues } from './signup-values'

export type { FormValues } from './signup-values'

/** Reads the form. Values stay strings; the schema decides what they mean. */
export async function readSignUpForm(form: FormData): Promise<{ values: FormValues; classList: ClassListResult }> {
  const values: FormValues = { guardian: {}, children: [] }
  const rows = new Map<number, Record<string, string>>()
  let classText = ''
  for (const [key, raw] of form.entries()) {
    if (key === 'classListFile') {
      if (typeof raw !== 'string' && raw.size > 0) classText += `\n${await raw.text()}`
      continue
    }
    if (typeof raw !== 'string') continue
    if (key === 'classList') classText += `\n${raw}`
    else if (key.startsWith('guardian.')) values.guardian[key.slice('guardian.'.length)] = raw
    else if (key.startsWith('children.')) {
      const [, index, field] = key.split('.')
      const i = Number(index)
      if (!Number.isInteger(i) || i < 0 || i > 200 || !field) continue
      const row = rows.get(i) ?? {}
      row[field] = raw
      rows.set(i, row)
    } else if (key === 'eventId' || key === 'idempotencyKey' || key === 'submittedBy' || key === 'schoolName' || key === 'childArea' || key === 'guardianConsent' || key === 'assentAll') {
      values[key] = raw
    }
  }
  const typed = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => !isBlankChild(row))
  const classList = parseClassList(classText)
  values.children = [...typed, ...classList.rows.map((r) => ({ ...emptyChild(), ...r }))]
  return { values, classList }
}

/** The object handed to ZSignUp: the school name and the teacher's assent note apply to every row. */
export function toSignUpInput(values: FormValues): Record<string, unknown> {
  const school = values.submittedBy === 'school'
  return {
    eventId: values.eventId,
    idempotencyKey: values.idempotencyKey,
    submittedBy: school ? 'school' : 'guardian',
    guardian: { ...values.guardian, ...(school ? { relationship: 'teacher' } : {}) },
    guardianConsent: values.guardianConsent,
    children: values.children.map((c) => ({
      ...c,
      school: c.school?.trim() ? c.school : school ? values.schoolName : c.school,
      area: c.area?.trim() ? c.area : values.childArea?.trim() ? values.childArea : undefined,
      assent: school ? values.assentAll : c.assent,
    })),
  }
}
