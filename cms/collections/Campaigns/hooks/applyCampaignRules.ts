import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { reqLang, t } from '../../../i18n/messages'
import { actionMonthPeriod, checkCampaign, type Result, type Target } from '../../../services/campaigns'

type Row = Record<string, unknown>
const rows = (v: unknown): Row[] => (Array.isArray(v) ? v.filter((r): r is Row => typeof r === 'object' && r !== null) : [])
const toTargets = (v: unknown): Target[] =>
  rows(v).map((r) => ({ indicator: String(r.indicator ?? ''), target: Number(r.target ?? 0) }))
const toResults = (v: unknown): Result[] =>
  rows(v).map((r) => ({ indicator: String(r.indicator ?? ''), achieved: Number(r.achieved ?? 0) }))

/**
 * Fills the Action Month dates (1–30 June of the campaign's year) when left empty, then applies
 * the campaign rules from cms/services/campaigns: end after start, results only for set targets.
 */
export const applyCampaignRules: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data) return data
  const year = Number(data.year ?? originalDoc?.year)
  if (Number.isInteger(year) && year > 1900) {
    const period = actionMonthPeriod(year)
    if (!data.startsOn && !originalDoc?.startsOn) data.startsOn = period.startsOn
    if (!data.endsOn && !originalDoc?.endsOn) data.endsOn = period.endsOn
  }
  const problems = checkCampaign({
    startsOn: data.startsOn ?? originalDoc?.startsOn,
    endsOn: data.endsOn ?? originalDoc?.endsOn,
    targets: toTargets(data.targets ?? originalDoc?.targets),
    results: toResults(data.results ?? originalDoc?.results),
  })
  if (problems.length) {
    const lang = reqLang(req)
    throw new ValidationError({
      collection: 'campaigns',
      errors: problems.map((p) => ({ message: t(lang, p.key, p.vars), path: p.path })),
    })
  }
  return data
}
