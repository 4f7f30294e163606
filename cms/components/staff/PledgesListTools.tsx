/**
 * Above the pledges list, for fund officers and admins: the working lists (cms/services/pledge-lists.ts)
 * as links that filter this list — to call, unpaid money pledges, received but not yet thanked —
 * each with how many pledges it holds now, and the columns an officer calls from.
 */
import type { ServerProps } from 'payload'
import { checkRole } from '../../access/roles'
import { PLEDGE_LISTS, pledgeListQuery, type PledgeList } from '../../services/pledge-lists'
import { FUND_TEXT } from './fund-text'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

export async function PledgesListTools({ i18n, payload, user }: ServerProps) {
  if (!checkRole(['admin', 'fund'], user ? { ...user, collection: 'users' } : null)) return null
  const lang = uiLang(i18n.language)
  const t = FUND_TEXT[lang]
  const lists = Object.keys(PLEDGE_LISTS) as PledgeList[]
  const counts = await Promise.all(lists.map((list) => payload.count({ collection: 'pledges', where: PLEDGE_LISTS[list].where })))
  return (
    <nav className="staff-quick" aria-label={t.quickLists}>
      <StaffStyles />
      <span className="staff-muted">{t.quickLists}:</span>
      <ul className="staff-links">
        {lists.map((list, i) => (
          <li key={list}>
            <a href={`/admin/collections/pledges?${pledgeListQuery(list)}`} data-list={list}>
              {PLEDGE_LISTS[list].label[lang]} ({counts[i]?.totalDocs ?? 0})
            </a>
          </li>
        ))}
        <li>
          <a href="/admin/collections/pledges">{t.all}</a>
        </li>
      </ul>
    </nav>
  )
}
