/**
 * On the admin dashboard (beforeDashboard), for fund officers and admins: the gift drives still
 * running or ended in the last 30 days, each with its money and items received against the
 * target (a table with a bar per target), and the working lists of pledges with how many each
 * holds now. Other roles see nothing.
 */
import type { ServerProps } from 'payload'
import { checkRole } from '../../access/roles'
import { driveReport, type DriveReport, handOversForReport } from '../../services/drive-report'
import { PLEDGE_LISTS, pledgeListQuery, type PledgeList } from '../../services/pledge-lists'
import { TargetBar } from './DriveReport'
import { FUND_TEXT } from './fund-text'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

const RECENT_DAYS = 30
const DASHBOARD_DRIVES = 6

export async function FundDashboard({ payload, user, i18n }: ServerProps) {
  if (!checkRole(['admin', 'fund'], user ? { ...user, collection: 'users' } : null)) return null
  const lang = uiLang(i18n.language)
  const t = FUND_TEXT[lang]
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString()
  const drives = await payload.find({
    collection: 'drives',
    where: { or: [{ endsOn: { exists: false } }, { endsOn: { greater_than_equal: since } }] },
    sort: '-startsOn',
    limit: DASHBOARD_DRIVES,
    depth: 0,
    locale: lang,
    select: { title: true },
  })
  const reports = (await Promise.all(drives.docs.map(async (d) => driveReport(payload, d.id, await handOversForReport(payload, d.id, lang), { lang })))).filter((r): r is DriveReport => r !== null)
  const lists = Object.keys(PLEDGE_LISTS) as PledgeList[]
  const counts = await Promise.all(lists.map((list) => payload.count({ collection: 'pledges', where: PLEDGE_LISTS[list].where })))
  const count = (n: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)
  return (
    <section className="staff-tools" aria-labelledby="fund-drives">
      <StaffStyles />
      <h2 id="fund-drives">{t.drives}</h2>
      <ul className="staff-links">
        {lists.map((list, i) => (
          <li key={list}>
            <a href={`/admin/collections/pledges?${pledgeListQuery(list)}`}>
              {PLEDGE_LISTS[list].label[lang]} ({counts[i]?.totalDocs ?? 0})
            </a>
          </li>
        ))}
      </ul>
      {reports.length ? (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t.drive}</th>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.pledgedTotal}</th>
              <th scope="col">{t.goal}</th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {reports.flatMap((r) => {
              const rows = [
                ...(r.money ? [{ key: 'money', label: t.money, target: r.money, format: t.vnd }] : []),
                ...r.items.map((i) => ({ key: i.id, label: i.label, target: i, format: count })),
              ]
              return rows.map((row, n) => (
                <tr key={`${r.drive.id}-${row.key}`}>
                  {n === 0 && (
                    <th scope="rowgroup" rowSpan={rows.length}>
                      <a href={`/admin/collections/drives/${r.drive.id}#drive-report`}>{r.drive.title}</a>
                    </th>
                  )}
                  <td className="staff-num">{row.label}</td>
                  <td className="staff-num">{row.format(row.target.received)}</td>
                  <td className="staff-num">{row.format(row.target.pledged)}</td>
                  <td className="staff-num">{row.target.goal ? row.format(row.target.goal) : '—'}</td>
                  <td>
                    <TargetBar label={`${r.drive.title} · ${row.label}`} target={row.target} format={row.format} t={t} />
                  </td>
                </tr>
              ))
            })}
          </tbody>
        </table>
      ) : (
        <p>{t.noDrives}</p>
      )}
    </section>
  )
}
