/**
 * /admin/check-in — the gate. With ?ref=REFERENCE (the address in the confirmation email's QR
 * code) it shows the child (given name + family initial, age, event, status, sessions attended)
 * and records today's or a chosen session; with ?event=ID it lists the children holding a seat
 * to tick off for one session. Rules and logging live in cms/services/checkin.ts.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, PayloadRequest } from 'payload'
import { checkRole } from '../../access/roles'
import { reqLang } from '../../i18n/messages'
import { type CheckInCard, checkInEvents, checkInList, checkInRefusal, lookupReference } from '../../services/checkin'
import { REGISTRATION_STATUSES, StaffError, displayDay, parseId, staffMessage } from '../../services/staff'
import { CheckInButton } from './CheckInButton'
import { QrScanner } from './QrScanner'
import { StaffStyles } from './StaffStyles'
import { STAFF_TEXT, type StaffText, type UiLang } from './text'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

function sessionChoices(t: StaffText, card: Pick<CheckInCard, 'event'>) {
  return card.event.sessions.map((day, i) => ({ value: i + 1, label: t.sessionOf(i + 1, displayDay(day)) }))
}

function ChildCard({ card, lang }: { card: CheckInCard; lang: UiLang }) {
  const t = STAFF_TEXT[lang]
  const refusal = checkInRefusal(card.status)
  const today = card.event.today
  const count = card.event.sessions.length
  return (
    <section className="staff-card" aria-labelledby="checkin-child">
      <h2 id="checkin-child">{card.name}</h2>
      <dl>
        <dt>{t.reference}</dt>
        <dd>{card.reference}</dd>
        <dt>{t.age}</dt>
        <dd>{card.age}</dd>
        <dt>{t.event}</dt>
        <dd>{card.event.title}</dd>
        <dt>{t.status}</dt>
        <dd data-status={card.status}>{REGISTRATION_STATUSES[card.status][lang]}</dd>
        <dt>{t.attended}</dt>
        <dd>{card.sessionsAttended.length ? `${card.sessionsAttended.join(', ')} / ${count}` : t.none}</dd>
      </dl>
      {refusal ? (
        <p className="staff-checkin__error" role="alert">
          {staffMessage(lang, refusal)}
        </p>
      ) : (
        <div className="staff-tools">
          {today ? (
            <CheckInButton
              lang={lang}
              registrationId={card.id}
              session={today}
              done={card.sessionsAttended.includes(today)}
              label={t.recordToday(today, displayDay(card.event.sessions[today - 1] ?? ''))}
            />
          ) : null}
          <CheckInButton lang={lang} registrationId={card.id} session={today ?? 1} choices={sessionChoices(t, card)} label={t.recordChosen} />
        </div>
      )}
    </section>
  )
}

async function ByReference({ req, reference, lang }: { req: PayloadRequest; reference: string; lang: UiLang }) {
  try {
    return <ChildCard card={await lookupReference(req.payload, req, reference, lang)} lang={lang} />
  } catch (err) {
    if (!(err instanceof StaffError)) throw err
    return (
      <p className="staff-checkin__error" role="alert">
        {staffMessage(lang, err.key, err.vars)}
      </p>
    )
  }
}

async function ByList({ req, eventId, session, lang }: { req: PayloadRequest; eventId: string | undefined; session: string | undefined; lang: UiLang }) {
  const t = STAFF_TEXT[lang]
  const events = await checkInEvents(req.payload, req, lang)
  const id = parseId(eventId)
  let list: Awaited<ReturnType<typeof checkInList>> | null = null
  let problem = ''
  if (id !== null) {
    try {
      list = await checkInList(req.payload, req, id, lang)
    } catch (err) {
      if (!(err instanceof StaffError)) throw err
      problem = staffMessage(lang, err.key, err.vars)
    }
  }
  const chosen = list ? Math.min(Math.max(1, Number(session) || list.event.today || 1), Math.max(1, list.event.sessions.length)) : 1
  return (
    <section aria-labelledby="checkin-list">
      <h2 id="checkin-list">{t.byList}</h2>
      {events.length ? (
        <form method="get" className="staff-checkin">
          <label>
            {t.chooseEvent}{' '}
            <select name="event" defaultValue={id === null ? undefined : String(id)}>
              {events.map((e) => (
                <option key={e.id} value={String(e.id)}>
                  {e.title} · {displayDay(e.days[0] ?? '')}
                </option>
              ))}
            </select>
          </label>
          {list ? (
            <label>
              {t.session}{' '}
              <select name="session" defaultValue={String(chosen)}>
                {sessionChoices(t, list).map((c) => (
                  <option key={c.value} value={String(c.value)}>
                    {c.label}
                    {c.value === list.event.today ? ` · ${t.today}` : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            {t.show}
          </button>
        </form>
      ) : (
        <p>{t.noEvents}</p>
      )}
      {problem ? (
        <p className="staff-checkin__error" role="alert">
          {problem}
        </p>
      ) : null}
      {list && !list.children.length ? <p>{t.noChildren}</p> : null}
      {list && list.children.length ? (
        <table className="staff-table">
          <caption className="staff-visually-hidden">{`${list.event.title} — ${t.sessionOf(chosen, displayDay(list.event.sessions[chosen - 1] ?? ''))}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t.child}</th>
              <th scope="col">{t.age}</th>
              <th scope="col">{t.attended}</th>
              <th scope="col">{t.sessionOf(chosen, displayDay(list.event.sessions[chosen - 1] ?? ''))}</th>
            </tr>
          </thead>
          <tbody>
            {list.children.map((c) => (
              <tr key={String(c.id)} data-reference={c.reference}>
                <th scope="row">{c.name}</th>
                <td>{c.age}</td>
                <td>{c.sessionsAttended.join(', ') || t.none}</td>
                <td>
                  <CheckInButton lang={lang} registrationId={c.id} session={chosen} done={c.sessionsAttended.includes(chosen)} label={`${t.record}: ${c.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

export async function CheckInView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const ref = first(searchParams?.ref)
  if (!req.user) {
    const back = `/admin/check-in${ref ? `?ref=${encodeURIComponent(ref)}` : ''}`
    redirect(`/admin/login?redirect=${encodeURIComponent(back)}`)
  }
  const lang: UiLang = reqLang(req)
  const t = STAFF_TEXT[lang]
  const allowed = checkRole(['admin', 'coordinator'], req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <StaffStyles />
      <Gutter>
        <div className="staff-tools">
          <h1>{t.checkIn}</h1>
          {allowed ? (
            <>
              <p className="staff-muted">{t.checkInIntro}</p>
              <form method="get" className="staff-checkin" role="search">
                <label>
                  {t.reference}{' '}
                  <input name="ref" defaultValue={ref ?? ''} autoComplete="off" spellCheck={false} size={12} />
                </label>
                <button type="submit" className="btn btn--style-secondary btn--size-small">
                  {t.find}
                </button>
              </form>
              <QrScanner lang={lang} />
              {ref ? <ByReference req={req} reference={ref} lang={lang} /> : null}
              <ByList req={req} eventId={first(searchParams?.event)} session={first(searchParams?.session)} lang={lang} />
            </>
          ) : (
            <p>{t.notStaff}</p>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
