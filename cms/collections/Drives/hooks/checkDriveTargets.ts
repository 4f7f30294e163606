import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { reqLang, t, type MessageKey } from '../../../i18n/messages'

/**
 * A drive needs a target (money, items or both), and it ends on or after the day it starts.
 * Lowering an item's quantity below what is pledged already is allowed (the pledges stand; the
 * item then shows as covered), so nothing here looks at pledges.
 */
export const checkDriveTargets: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data } as { moneyGoal?: number | null; items?: unknown[] | null; startsOn?: string | null; endsOn?: string | null }
  const problems: { path: string; key: MessageKey }[] = []
  if (!merged.moneyGoal && !(merged.items ?? []).length) problems.push({ path: 'moneyGoal', key: 'driveNeedsTarget' })
  if (merged.startsOn && merged.endsOn && merged.endsOn.slice(0, 10) < merged.startsOn.slice(0, 10)) problems.push({ path: 'endsOn', key: 'driveEndsBeforeStart' })
  if (problems.length) {
    const lang = reqLang(req)
    throw new ValidationError({ collection: 'drives', errors: problems.map((p) => ({ path: p.path, message: t(lang, p.key) })) })
  }
  return data
}
