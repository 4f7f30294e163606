/**
 * What each public page needs from the CMS, loaded in one place so the router page stays a
 * dispatcher. A loader returns null when the thing asked for does not exist (404).
 */
import type { Route } from '../i18n/routes'
import { compareIndicators, EVENT_KINDS, pickCurrentCampaign, type Area, type Campaign, type Cms, type EventFilters, type IndicatorRow, type Paged, type Post, type PublicEvent } from './cms'

export const NEWS_PER_PAGE = 9

export type View =
  | { name: 'home'; current: Campaign | null; past: Campaign[]; latest: Post[] }
  | { name: 'campaigns'; campaigns: Campaign[] }
  | { name: 'campaign'; campaign: Campaign; indicators: IndicatorRow[]; posts: Post[] }
  | { name: 'news'; posts: Paged<Post> }
  | { name: 'post'; post: Post }
  | { name: 'hotline' }
  | { name: 'events'; events: PublicEvent[]; areas: Area[]; filters: EventFilters }
  | { name: 'event'; event: PublicEvent }
  | { name: 'signup'; event: PublicEvent }
  | { name: 'manage'; token: string }

/** Event filters from the query string, ignoring anything malformed. */
export function eventFilters(search: URLSearchParams): EventFilters {
  const kind = search.get('loai') ?? search.get('kind') ?? ''
  const area = search.get('xa') ?? search.get('area') ?? ''
  const age = Number(search.get('tuoi') ?? search.get('age') ?? '')
  const from = search.get('tu') ?? search.get('from') ?? ''
  return {
    kind: kind in EVENT_KINDS ? kind : undefined,
    area: /^[A-Za-z0-9]{1,40}$/.test(area) ? area : undefined,
    age: search.has('tuoi') || search.has('age') ? (Number.isInteger(age) && age >= 0 && age <= 18 ? age : undefined) : undefined,
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    seatsOnly: (search.get('con-cho') ?? search.get('seats')) === '1',
  }
}

export async function loadView(cms: Cms, route: Route, today: string, search = new URLSearchParams()): Promise<View | null> {
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
    case 'events': {
      const filters = eventFilters(search)
      const [events, areas] = await Promise.all([cms.events(lang, filters), cms.eventAreas(lang)])
      return { name: 'events', events, areas, filters }
    }
    case 'event': {
      const event = await cms.eventBySlug(lang, route.slug)
      return event ? { name: 'event', event } : null
    }
    case 'signup': {
      const event = await cms.eventBySlug(lang, route.slug)
      return event ? { name: 'signup', event } : null
    }
    case 'manage':
      // loaded by the page itself, through the sign-up door (the token is the only key)
      return { name: 'manage', token: route.token }
  }
}
