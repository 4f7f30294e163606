/**
 * What each public page needs from the CMS, loaded in one place so the router page stays a
 * dispatcher. A loader returns null when the thing asked for does not exist (404).
 */
import type { Route } from '../i18n/routes'
import { compareIndicators, pickCurrentCampaign, type Campaign, type Cms, type IndicatorRow, type Paged, type Post } from './cms'

export const NEWS_PER_PAGE = 9

export type View =
  | { name: 'home'; current: Campaign | null; past: Campaign[]; latest: Post[] }
  | { name: 'campaigns'; campaigns: Campaign[] }
  | { name: 'campaign'; campaign: Campaign; indicators: IndicatorRow[]; posts: Post[] }
  | { name: 'news'; posts: Paged<Post> }
  | { name: 'post'; post: Post }
  | { name: 'hotline' }

export async function loadView(cms: Cms, route: Route, today: string): Promise<View | null> {
  const { lang } = route
  switch (route.name) {
    case 'home': {
      const [campaigns, latest] = await Promise.all([cms.campaigns(lang), cms.posts(lang, 1, 6)])
      const current = pickCurrentCampaign(campaigns, today)
      return { name: 'home', current, past: campaigns.filter((c) => c.id !== current?.id).slice(0, 6), latest: latest.docs }
    }
    case 'campaigns':
      return { name: 'campaigns', campaigns: await cms.campaigns(lang) }
    case 'campaign': {
      const campaign = await cms.campaignBySlug(lang, route.slug)
      if (!campaign) return null
      const posts = await cms.posts(lang, 1, 12, campaign.id)
      return { name: 'campaign', campaign, indicators: compareIndicators(campaign.targets ?? [], campaign.results ?? []), posts: posts.docs }
    }
    case 'news': {
      const posts = await cms.posts(lang, route.page, NEWS_PER_PAGE)
      if (route.page > 1 && route.page > posts.totalPages) return null
      return { name: 'news', posts }
    }
    case 'post': {
      const post = await cms.postBySlug(lang, route.slug)
      return post ? { name: 'post', post } : null
    }
    case 'hotline':
      return { name: 'hotline' }
  }
}
