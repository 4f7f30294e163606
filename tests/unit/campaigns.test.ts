import { describe, expect, it } from 'vitest'
import { actionMonthPeriod, checkCampaign, compareIndicators, pickCurrentCampaign } from '../../cms/services/campaigns'

describe('campaign rules', () => {
  it('puts the Action Month on 1–30 June of its year', () => {
    expect(actionMonthPeriod(2025)).toEqual({ startsOn: '2025-06-01', endsOn: '2025-06-30' })
  })

  it('accepts a campaign whose results all match a target', () => {
    expect(
      checkCampaign({
        startsOn: '2025-06-01',
        endsOn: '2025-06-30',
        targets: [{ indicator: 'swim', target: 100 }],
        results: [{ indicator: 'swim', achieved: 80 }],
      }),
    ).toEqual([])
  })

  it('refuses an end before the start, a repeated target and a result without a target', () => {
    const problems = checkCampaign({
      startsOn: '2025-06-30T00:00:00.000Z',
      endsOn: '2025-06-01T00:00:00.000Z',
      targets: [
        { indicator: 'swim', target: 1 },
        { indicator: 'swim', target: 2 },
      ],
      results: [{ indicator: 'gifts', achieved: 3 }],
    })
    expect(problems.map((p) => [p.key, p.path])).toEqual([
      ['campaignEndsBeforeStart', 'endsOn'],
      ['campaignDuplicateIndicator', 'targets.1.indicator'],
      ['campaignUnknownIndicator', 'results.0.indicator'],
    ])
  })

  it('joins results to targets by indicator and computes the share achieved', () => {
    const rows = compareIndicators(
      [
        { indicator: 'swim', label: 'Children taught to swim', unit: 'children', target: 1200 },
        { indicator: 'forums', label: 'Child forums', unit: 'forums', target: 10 },
        { indicator: 'zero', target: 0 },
      ],
      [
        { indicator: 'swim', achieved: 1315, source: 'demo' },
        { indicator: 'zero', achieved: 4 },
      ],
    )
    expect(rows).toEqual([
      { indicator: 'swim', label: 'Children taught to swim', unit: 'children', target: 1200, achieved: 1315, ratio: 1315 / 1200, source: 'demo' },
      { indicator: 'forums', label: 'Child forums', unit: 'forums', target: 10, achieved: null, ratio: null, source: null },
      { indicator: 'zero', label: 'zero', unit: '', target: 0, achieved: 4, ratio: null, source: null },
    ])
  })

  describe('the campaign the home page leads with', () => {
    const c = (year: number) => ({ year, startsOn: `${year}-06-01`, endsOn: `${year}-06-30` })
    const all = [c(2023), c(2024), c(2025)]
    it('is the one running today', () => expect(pickCurrentCampaign(all, '2024-06-15')?.year).toBe(2024))
    it('is the next one to start when none is running', () => expect(pickCurrentCampaign(all, '2024-11-24')?.year).toBe(2025))
    it('is the most recent one when all are over', () => expect(pickCurrentCampaign(all, '2026-11-24')?.year).toBe(2025))
    it('is null without campaigns', () => expect(pickCurrentCampaign([], '2026-11-24')).toBeNull())
  })
})
