/**
 * On the admin dashboard (beforeDashboard), for judges: each contest they sit on with its round
 * being judged and how far they are ("Đã chấm 12/40"), linking to the judging page. Other roles
 * see nothing (organisers reach the judging results from a contest's page or the navigation).
 */
import type { ServerProps } from 'payload'
import { checkRole } from '../../access/roles'
import { judgeContests, judgeQueue, staffUser } from '../../services/judging-staff'
import { JUDGING_TEXT } from './judging-text'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

export async function JudgingDashboard({ payload, user, i18n }: ServerProps) {
  const judge = staffUser(user ? { ...user, collection: 'users' } : null)
  if (!judge || !checkRole(['judge'], judge)) return null
  const lang = uiLang(i18n.language)
  const t = JUDGING_TEXT[lang]
  const contests = (await judgeContests(payload, judge, lang)).filter((c) => c.onJury)
  const rows = await Promise.all(contests.map(async (c) => ({ contest: c, queue: c.round ? await judgeQueue(payload, judge, c) : null })))
  return (
    <section className="staff-tools" aria-labelledby="judging-dashboard">
      <StaffStyles />
      <h2 id="judging-dashboard">{t.judging}</h2>
      {rows.length ? (
        <ul className="staff-receipts">
          {rows.map(({ contest, queue }) => (
            <li key={String(contest.id)}>
              <a href={`/admin/judging?contest=${encodeURIComponent(String(contest.id))}`}>{contest.title}</a>
              {' · '}
              {contest.round && queue ? `${contest.round.name}: ${t.progress(queue.scored, queue.total)}` : contest.published ? t.published : t.noRound}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noContests}</p>
      )}
    </section>
  )
}
