/**
 * Campaign: one year's awareness push, above all the Action Month for Children, which runs
 * 1–30 June every year under a national theme with official key messages. A campaign sets
 * targets per indicator (e.g. "children taught to swim: 500") and later reports results
 * against the same indicators; the site shows the two side by side.
 */
import type { MessageKey } from '../i18n/messages'

export type Target = { indicator: string; label?: string | null; unit?: string | null; target: number }
export type Result = { indicator: string; achieved: number; source?: string | null }

/** The Action Month runs from 1 to 30 June; dates are ISO days (no time zone games). */
export function actionMonthPeriod(year: number): { startsOn: string; endsOn: string } {
  return { startsOn: `${year}-06-01`, endsOn: `${year}-06-30` }
}

export type CampaignProblem = { key: MessageKey; path: string; vars?: Record<string, string> }

/** Rules a campaign must keep before it is saved. Returns every problem found (none means valid). */
export function checkCampaign(input: {
  startsOn?: string | null
  endsOn?: string | null
  targets?: readonly Target[] | null
  results?: readonly Result[] | null
}): CampaignProblem[] {
  const problems: CampaignProblem[] = []
  if (input.startsOn && input.endsOn && input.endsOn.slice(0, 10) < input.startsOn.slice(0, 10)) {
    problems.push({ key: 'campaignEndsBeforeStart', path: 'endsOn' })
  }
  const seen = new Set<string>()
  for (const [i, t] of (input.targets ?? []).entries()) {
    if (seen.has(t.indicator)) {
      problems.push({ key: 'campaignDuplicateIndicator', path: `targets.${i}.indicator`, vars: { indicator: t.indicator } })
    }
    seen.add(t.indicator)
  }
  for (const [i, r] of (input.results ?? []).entries()) {
    if (!seen.has(r.indicator)) {
      problems.push({ key: 'campaignUnknownIndicator', path: `results.${i}.indicator`, vars: { indicator: r.indicator } })
    }
  }
  return problems
}

export type IndicatorRow = {
  indicator: string
  label: string
  unit: string
  target: number
  achieved: number | null
  /** achieved / target, or null when no result is reported yet or the target is 0 */
  ratio: number | null
  source: string | null
}

/** Joins targets and results by indicator code, in the order targets were set. */
export function compareIndicators(targets: readonly Target[] = [], results: readonly Result[] = []): IndicatorRow[] {
  const byIndicator = new Map(results.map((r) => [r.indicator, r]))
  return targets.map((t) => {
    const r = byIndicator.get(t.indicator)
    const achieved = r ? r.achieved : null
    return {
      indicator: t.indicator,
      label: t.label ?? t.indicator,
      unit: t.unit ?? '',
      target: t.target,
      achieved,
      ratio: achieved !== null && t.target > 0 ? achieved / t.target : null,
      source: r?.source ?? null,
    }
  })
}

type Dated = { year: number; startsOn?: string | null; endsOn?: string | null }

/**
 * The campaign the home page leads with: the one running today; else the next one to start;
 * else the most recent one. `campaigns` are published campaigns in any order.
 */
export function pickCurrentCampaign<C extends Dated>(campaigns: readonly C[], today: string): C | null {
  const day = today.slice(0, 10)
  const start = (c: C) => (c.startsOn ?? actionMonthPeriod(c.year).startsOn).slice(0, 10)
  const end = (c: C) => (c.endsOn ?? actionMonthPeriod(c.year).endsOn).slice(0, 10)
  const running = campaigns.filter((c) => start(c) <= day && day <= end(c))
  if (running.length) return [...running].sort((a, b) => start(b).localeCompare(start(a)))[0] ?? null
  const upcoming = campaigns.filter((c) => start(c) > day).sort((a, b) => start(a).localeCompare(start(b)))
  if (upcoming.length) return upcoming[0] ?? null
  return [...campaigns].sort((a, b) => end(b).localeCompare(end(a)))[0] ?? null
}
