/**
 * In a gift drive's edit view (a `ui` field), for fund officers and admins: the drive's report
 * (cms/services/drive-report.ts) — per target, received and pledged against the goal as a table
 * with a bar in each row (the numbers are in the cells; each bar also says them to screen
 * readers), handed over per item and per commune once hand-overs are counted, pledges by
 * status, and the downloads (donors, receipts; CSV or Excel). Editors see nothing here.
 */
import type { UIFieldServerComponent } from 'payload'
import { checkRole } from '../../access/roles'
import { driveReport, handOversForReport, percentOf, type DriveReport as TDriveReport, type TargetReport } from '../../services/drive-report'
import { PLEDGE_STATUSES, type PledgeStatus } from '../../services/pledges'
import { FUND_TEXT, type FundText } from './fund-text'
import { StaffStyles } from './StaffStyles'
import { uiLang, type UiLang } from './text'

/** Received (solid) then pledged-not-yet-received (striped), on a track as long as the goal (or the largest figure when there is no goal). */
export function TargetBar({ label, target, format, t }: { label: string; target: TargetReport; format: (n: number) => string; t: FundText }) {
  const scale = Math.max(target.goal, target.pledged, target.received, 1)
  const received = percentOf(target.received, scale)
  const open = Math.min(100 - received, percentOf(target.pledgedOpen, scale))
  const said = t.bar(label, format(target.received), format(target.pledged), target.goal ? format(target.goal) : '—')
  return (
    <div className="staff-bar" role="img" aria-label={said} title={said}>
      <div className="staff-bar__taken" style={{ width: `${received}%` }} />
      <div className="staff-bar__pledged" style={{ width: `${open}%` }} />
    </div>
  )
}

function Legend({ t }: { t: FundText }) {
  return (
    <ul className="staff-legend" aria-hidden="true">
      <li>
        <span className="staff-swatch staff-bar__taken" /> {t.received}
      </li>
      <li>
        <span className="staff-swatch staff-bar__pledged" /> {t.waiting}
      </li>
    </ul>
  )
}

export function DriveReportView({ report, lang, exportsFor }: { report: TDriveReport; lang: UiLang; exportsFor: string | number }) {
  const t = FUND_TEXT[lang]
  const count = (n: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)
  const handed = (n: number | null) => (n === null ? <span className="staff-muted">{t.notCounted}</span> : count(n))
  const other = lang === 'vi' ? 'en' : 'vi'
  const exportUrl = (what: 'donors' | 'receipts', format: 'csv' | 'xlsx', l: string) => `/api/drives/${encodeURIComponent(String(exportsFor))}/export?what=${what}&format=${format}&lang=${l}`
  const statuses = (Object.keys(report.pledges) as PledgeStatus[]).filter((s) => report.pledges[s] > 0)
  return (
    <div className="staff-tools" id="drive-report">
      <StaffStyles />
      <section aria-labelledby="drive-report-title">
        <h3 id="drive-report-title">{t.report}</h3>
        <Legend t={t} />
        <table className="staff-table">
          <caption className="staff-muted" style={{ textAlign: 'left' }}>
            {t.reportCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.goal}</th>
              <th scope="col">{t.pledgedTotal}</th>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.left}</th>
              <th scope="col">{t.handedOver}</th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {report.money && (
              <tr data-target="money">
                <th scope="row">{t.money}</th>
                <td className="staff-num">{report.money.goal ? t.vnd(report.money.goal) : '—'}</td>
                <td className="staff-num">{t.vnd(report.money.pledged)}</td>
                <td className="staff-num">{t.vnd(report.money.received)}</td>
                <td>—</td>
                <td>—</td>
                <td>
                  <TargetBar label={t.money} target={report.money} format={t.vnd} t={t} />
                </td>
              </tr>
            )}
            {report.items.map((item) => (
              <tr key={item.id} data-target={item.id}>
                <th scope="row">{item.label}</th>
                <td className="staff-num">{count(item.goal)}</td>
                <td className="staff-num">{count(item.pledged)}</td>
                <td className="staff-num">{count(item.received)}</td>
                <td className="staff-num">{count(item.left)}</td>
                <td className="staff-num">{handed(item.handedOver)}</td>
                <td>
                  <TargetBar label={item.label} target={item} format={count} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="staff-muted">{t.donors(report.donors.named, report.donors.anonymous)}</p>
      </section>

      <section aria-labelledby="drive-report-handovers">
        <h3 id="drive-report-handovers">{t.byCommune}</h3>
        {report.handOvers ? (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t.commune}</th>
                <th scope="col">{t.children}</th>
                <th scope="col">{t.handedOver}</th>
              </tr>
            </thead>
            <tbody>
              {report.handOvers.map((c) => (
                <tr key={c.area}>
                  <th scope="row">{c.area}</th>
                  <td className="staff-num">{count(c.children)}</td>
                  <td>{c.items.map((i) => `${count(i.count)} × ${i.label}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="staff-muted">{t.handOversPending}</p>
        )}
      </section>

      {statuses.length > 0 && (
        <section aria-labelledby="drive-report-statuses">
          <h3 id="drive-report-statuses">{t.pledgesByStatus}</h3>
          <ul className="staff-links">
            {statuses.map((s) => (
              <li key={s}>
                <a href={`/admin/collections/pledges?where[or][0][and][0][drive][equals]=${encodeURIComponent(String(report.drive.id))}&where[or][0][and][1][status][equals]=${s}`}>
                  {PLEDGE_STATUSES[s][lang]}: {report.pledges[s]}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="drive-report-exports">
        <h3 id="drive-report-exports">{t.exports}</h3>
        <ul className="staff-links" style={{ flexDirection: 'column' }}>
          {(['donors', 'receipts'] as const).map((what) => (
            <li key={what}>
              {what === 'donors' ? t.exportDonors : t.exportReceipts}:{' '}
              {(['csv', 'xlsx'] as const).map((format) => (
                <span key={format} style={{ marginRight: 12 }}>
                  <a href={exportUrl(what, format, lang)} download>
                    {format.toUpperCase()}
                  </a>{' '}
                  (<a href={exportUrl(what, format, other)} download>{t.inEnglish}</a>)
                </span>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

export const DriveReport: UIFieldServerComponent = async ({ data, i18n, req }) => {
  if (!checkRole(['admin', 'fund'], req.user)) return null
  const lang = uiLang(i18n.language)
  const id: unknown = data?.id
  if (typeof id !== 'string' && typeof id !== 'number') return <p className="staff-muted">{FUND_TEXT[lang].saveFirst}</p>
  const handedOver = await handOversForReport(req.payload, id, lang)
  const report = await driveReport(req.payload, id, handedOver, { lang })
  if (!report) return null
  return <DriveReportView report={report} lang={lang} exportsFor={id} />
}
