/**
 * On the admin dashboard (beforeDashboard): seats taken per current or upcoming event against
 * capacity, with the waitlist and the priority seats still to verify. A table (readable by screen readers as it is) with a bar in each
 * row. Admins see every event, coordinators their areas' events, other roles nothing.
 */
import { createLocalReq, type ServerProps } from 'payload'
import { seatsOverview } from '../../services/dashboard'
import { displayDay } from '../../services/staff'
import { StaffStyles } from './StaffStyles'
import { STAFF_TEXT, uiLang } from './text'

export async function SeatsDashboard({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const lang = uiLang(i18n.language)
  const t = STAFF_TEXT[lang]
  const rows = await seatsOverview(payload, req, lang)
  if (!rows) return null
  return (
    <section className="staff-tools" aria-labelledby="staff-seats">
      <StaffStyles />
      <h2 id="staff-seats">{t.seats}</h2>
      {rows.length ? (
        <table className="staff-table">
          <caption className="staff-muted" style={{ textAlign: 'left' }}>
            {t.seatsCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.event}</th>
              <th scope="col">{t.dates}</th>
              <th scope="col">{t.taken}</th>
              <th scope="col">{t.capacity}</th>
              <th scope="col">{t.waitlisted}</th>
              <th scope="col">{t.toVerify}</th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const share = r.capacity ? Math.min(100, Math.round((r.taken / r.capacity) * 100)) : 0
              return (
                <tr key={String(r.id)} data-event={String(r.id)}>
                  <th scope="row">
                    <a href={`/admin/collections/events/${r.id}`}>{r.title}</a>
                  </th>
                  <td>{r.firstDay === r.lastDay ? displayDay(r.firstDay) : `${displayDay(r.firstDay)} – ${displayDay(r.lastDay)}`}</td>
                  <td>{r.taken}</td>
                  <td>{r.capacity}</td>
                  <td>{r.waitlisted}</td>
                  <td>{r.toVerify ? <a href={`/admin/collections/registrations?where[event][equals]=${r.id}`}>{r.toVerify}</a> : 0}</td>
                  <td>
                    <div className="staff-bar" role="img" aria-label={t.seatsOf(r.taken, r.capacity, r.waitlisted)} title={t.seatsOf(r.taken, r.capacity, r.waitlisted)}>
                      <div className="staff-bar__taken" style={{ width: `${share}%` }} />
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : (
        <p>{t.noCurrentEvents}</p>
      )}
    </section>
  )
}
