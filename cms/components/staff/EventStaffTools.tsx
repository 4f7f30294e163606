/**
 * In an event's edit view (a `ui` field), for admins and the event's coordinators: download the
 * registrations (CSV, XLSX; Vietnamese or English headers), open check-in by list, and email the
 * registrants. Other staff see nothing here.
 */
import type { UIFieldServerComponent } from 'payload'
import { checkRole } from '../../access/roles'
import { BroadcastForm } from './BroadcastForm'
import { StaffStyles } from './StaffStyles'
import { STAFF_TEXT, uiLang } from './text'

export const EventStaffTools: UIFieldServerComponent = ({ data, i18n, req }) => {
  if (!checkRole(['admin', 'coordinator'], req.user)) return null
  const lang = uiLang(i18n.language)
  const t = STAFF_TEXT[lang]
  const id: unknown = data?.id
  if (typeof id !== 'string' && typeof id !== 'number') return <p className="staff-muted">{t.saveFirst}</p>
  const other = lang === 'vi' ? 'en' : 'vi'
  const exportUrl = (format: 'csv' | 'xlsx', l: string) => `/api/registrations/export?event=${encodeURIComponent(String(id))}&format=${format}&lang=${l}`
  return (
    <div className="staff-tools" id="staff-tools">
      <StaffStyles />
      <section aria-labelledby="staff-exports">
        <h3 id="staff-exports">{t.exports}</h3>
        <ul className="staff-links">
          {(['csv', 'xlsx'] as const).map((format) => (
            <li key={format}>
              <a href={exportUrl(format, lang)} download>
                {format === 'csv' ? t.exportCsv : t.exportXlsx}
              </a>{' '}
              (<a href={exportUrl(format, other)} download>{t.inEnglish}</a>)
            </li>
          ))}
          <li>
            <a href={`/admin/check-in?event=${encodeURIComponent(String(id))}`}>{t.checkInList}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="staff-email">
        <h3 id="staff-email">{t.email}</h3>
        <BroadcastForm lang={lang} eventId={id} />
      </section>
    </div>
  )
}
