/**
 * In a contest's side panel (a `ui` field), for the organisers (admins, editors): where the
 * judging stands (the round being judged, or when the results were published) and the link to
 * the judging results page, where rounds are closed, results published and certificates printed.
 * Other roles see nothing here.
 */
import type { UIFieldServerComponent } from 'payload'
import { currentRound, judgingState, roundsOf } from '../../services/judging'
import { isOrganiser } from '../../services/judging-staff'
import { displayMoment } from '../../services/staff'
import { JUDGING_TEXT } from './judging-text'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

export const ContestJudgingPanel: UIFieldServerComponent = async ({ data, i18n, req }) => {
  if (!isOrganiser(req.user)) return null
  const lang = uiLang(i18n.language)
  const t = JUDGING_TEXT[lang]
  const id: unknown = data?.id
  if (typeof id !== 'string' && typeof id !== 'number') return <p className="staff-muted">{t.saveFirst}</p>
  const [state, contest] = await Promise.all([
    judgingState(req.payload, id),
    req.payload.findByID({ collection: 'contests', id, depth: 0, draft: true, locale: lang, disableErrors: true, select: { rounds: true } }),
  ])
  const rounds = roundsOf({ rounds: contest?.rounds ?? [] })
  const current = state.resultsPublishedAt ? null : currentRound({ rounds }, state)
  return (
    <div className="staff-tools" style={{ marginBlock: 0 }}>
      <StaffStyles />
      <section aria-labelledby="contest-judging">
        <h3 id="contest-judging">{t.judging}</h3>
        <p>
          {state.resultsPublishedAt
            ? t.publishedAt(displayMoment(state.resultsPublishedAt))
            : current
              ? `${t.round}: ${t.roundOf(current.round.name, current.index + 1, rounds.length)}`
              : t.noRound}
        </p>
        <p>
          <a className="btn btn--style-secondary btn--size-small" href={`/admin/contest-results?contest=${encodeURIComponent(String(id))}`}>
            {t.openResults}
          </a>
        </p>
      </section>
    </div>
  )
}
