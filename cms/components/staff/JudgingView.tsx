/**
 * /admin/judging — the judges' page. The contests the judge sits on with their current round;
 * for the chosen one, the entries of that round still to score, one at a time (the picture
 * large) or as a list, and the entries already scored with the jury's scores (visible once the
 * judge sent their own). A judge sees an entry's picture, title, sentence, category and code —
 * nothing else: entries and scores are read as the judge (cms/services/judging-staff.ts), and
 * the picture comes from /api/entries/:id/picture under the entry code.
 * Organisers (admins, editors) see the same page for any contest, to see what judges see.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, Payload } from 'payload'
import { reqLang } from '../../i18n/messages'
import { judgeContests, judgeEntry, judgeQueue, staffUser, type JudgeContest, type JudgeEntry, type ScoreView, type StaffUser } from '../../services/judging-staff'
import { parseId } from '../../services/staff'
import { JUDGING_TEXT, type JudgingText } from './judging-text'
import { JudgingStyles } from './JudgingStyles'
import { ScoreForm } from './ScoreForm'
import { StaffStyles } from './StaffStyles'
import type { UiLang } from './text'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const href = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  return `/admin/judging?${q.toString()}`
}
const pictureUrl = (id: JudgeEntry['id'], size: 'large' | 'small') => `/api/entries/${encodeURIComponent(String(id))}/picture?size=${size}`

export function scoreSummary(t: JudgingText, s: Pick<ScoreView, 'conflict' | 'decision' | 'total'>): string {
  if (s.conflict) return t.knows
  if (s.decision) return s.decision === 'yes' ? t.yes : t.no
  return t.points(s.total)
}

function EntryFacts({ entry, t }: { entry: JudgeEntry; t: JudgingText }) {
  return (
    <dl className="judging-facts">
      <dt>{t.entryCode}</dt>
      <dd data-entry-code={entry.entryCode}>
        <strong>{entry.entryCode}</strong>
      </dd>
      <dt>{t.title}</dt>
      <dd>{entry.title}</dd>
      <dt>{t.category}</dt>
      <dd>{entry.category}</dd>
      {entry.statement ? (
        <>
          <dt>{t.statement}</dt>
          <dd>{entry.statement}</dd>
        </>
      ) : null}
    </dl>
  )
}

function ScoresTable({ scores, t }: { scores: ScoreView[]; t: JudgingText }) {
  return (
    <table className="staff-table" data-testid="jury-scores">
      <caption className="staff-muted" style={{ textAlign: 'left' }}>
        {t.others}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.judge}</th>
          <th scope="col">{t.score}</th>
          <th scope="col">{t.criteria}</th>
          <th scope="col">{t.comment}</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((s) => (
          <tr key={`${s.judgeNumber}-${String(s.mine)}`}>
            <th scope="row">{s.mine ? t.you : t.judgeN(s.judgeNumber)}</th>
            <td>{scoreSummary(t, s)}</td>
            <td>{s.marks.map((m) => t.marksOf(m.criterion, m.mark)).join(' · ') || '—'}</td>
            <td>{s.comment ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

async function OneEntry({ payload, user, contest, entryId, lang, nextId }: { payload: Payload; user: StaffUser; contest: JudgeContest; entryId: JudgeEntry['id']; lang: UiLang; nextId: JudgeEntry['id'] | null }) {
  const t = JUDGING_TEXT[lang]
  const found = await judgeEntry(payload, user, contest, entryId)
  if (!found) return <p className="staff-checkin__error">{t.noEntries}</p>
  const { entry, scores } = found
  const mine = scores.find((s) => s.mine)
  return (
    <section className="judging-entry" aria-labelledby="judging-entry-title">
      <h2 id="judging-entry-title">
        {t.entryCode} {entry.entryCode}
      </h2>
      <div className="judging-entry__layout">
        <figure className="judging-picture">
          {/* the address says only the entry's id; the file is sent as <entryCode>.webp */}
          <img src={pictureUrl(entry.id, 'large')} alt={t.picture(entry.entryCode)} />
        </figure>
        <div>
          <EntryFacts entry={entry} t={t} />
          {mine ? (
            <>
              <p className="staff-checkin__ok" role="status">
                {mine.conflict ? t.conflictSent : t.sent} {t.finalNote}
              </p>
              <ScoresTable scores={scores} t={t} />
              {nextId !== null ? (
                <p>
                  <a className="btn btn--style-primary btn--size-small" href={href({ contest: String(contest.id), entry: String(nextId) })}>
                    {t.next}
                  </a>
                </p>
              ) : (
                <p>{t.allDone}</p>
              )}
            </>
          ) : contest.onJury && contest.round ? (
            <ScoreForm
              lang={lang}
              contestId={contest.id}
              entryId={entry.id}
              entryCode={entry.entryCode}
              round={{ id: contest.round.id, kind: contest.round.kind }}
              rubric={contest.rubric}
            />
          ) : (
            <p className="staff-muted">{t.notOnJury}</p>
          )}
        </div>
      </div>
    </section>
  )
}

function EntryList({ contest, entries, t }: { contest: JudgeContest; entries: JudgeEntry[]; t: JudgingText }) {
  return (
    <ul className="judging-grid" aria-label={t.toScore}>
      {entries.map((e) => (
        <li key={String(e.id)} className="judging-card">
          <a href={href({ contest: String(contest.id), entry: String(e.id) })}>
            <img src={pictureUrl(e.id, 'small')} alt={t.picture(e.entryCode)} loading="lazy" />
            <strong>{e.entryCode}</strong>
            <span>{e.title}</span>
            <span className="staff-muted">{e.category}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

export async function JudgingView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = staffUser(req.user)
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent('/admin/judging')}`)
  const lang: UiLang = reqLang(req)
  const t = JUDGING_TEXT[lang]
  const contests = await judgeContests(req.payload, user, lang)
  const chosenId = parseId(first(searchParams?.contest))
  const contest =
    contests.find((c) => chosenId !== null && String(c.id) === String(chosenId)) ?? contests.find((c) => c.onJury && c.round) ?? contests.find((c) => c.round) ?? contests[0] ?? null
  const mode = first(searchParams?.mode) === 'list' ? 'list' : 'one'
  const queue = contest ? await judgeQueue(req.payload, user, contest) : null
  const entryParam = parseId(first(searchParams?.entry))
  const shown = entryParam ?? (mode === 'one' ? (queue?.toScore[0]?.id ?? null) : null)
  const nextId = queue?.toScore.find((e) => String(e.id) !== String(shown))?.id ?? null
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
      <JudgingStyles />
      <Gutter>
        <div className="staff-tools">
          <h1>{t.judging}</h1>
          <p className="staff-muted">{t.judgingIntro}</p>
          {!contests.length ? <p>{contests.length === 0 && user.roles.includes('judge') ? t.noContests : t.notJudge}</p> : null}
          {contests.length > 1 ? (
            <form method="get" className="staff-checkin">
              <label>
                {t.chooseContest}{' '}
                <select name="contest" defaultValue={contest ? String(contest.id) : undefined}>
                  {contests.map((c) => (
                    <option key={String(c.id)} value={String(c.id)}>
                      {c.title}
                      {c.round ? ` · ${c.round.name}` : c.published ? ` · ${t.published}` : ''}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                {t.show}
              </button>
            </form>
          ) : null}
          {contest ? (
            <section aria-labelledby="judging-contest">
              <h2 id="judging-contest">{contest.title}</h2>
              {contest.round ? (
                <>
                  <p>
                    {t.round}: <strong>{t.roundOf(contest.round.name, contest.round.index + 1, contest.rounds)}</strong>
                  </p>
                  {queue ? (
                    <p className="judging-progress" data-testid="judging-progress">
                      <strong>{t.progress(queue.scored, queue.total)}</strong>
                    </p>
                  ) : null}
                  <ul className="staff-links">
                    <li>{mode === 'one' ? <strong>{t.oneAtATime}</strong> : <a href={href({ contest: String(contest.id) })}>{t.oneAtATime}</a>}</li>
                    <li>{mode === 'list' ? <strong>{t.asList}</strong> : <a href={href({ contest: String(contest.id), mode: 'list' })}>{t.asList}</a>}</li>
                  </ul>
                </>
              ) : (
                <p>{contest.published ? t.published : t.noRound}</p>
              )}
            </section>
          ) : null}
          {contest && queue && contest.round ? (
            <>
              {queue.total === 0 ? <p>{t.noEntries}</p> : null}
              {queue.total > 0 && !queue.toScore.length && shown === null ? <p className="staff-checkin__ok">{t.allDone}</p> : null}
              {shown !== null ? <OneEntry payload={req.payload} user={user} contest={contest} entryId={shown} lang={lang} nextId={nextId} /> : null}
              {mode === 'list' && queue.toScore.length ? (
                <section aria-labelledby="judging-to-score">
                  <h2 id="judging-to-score">{t.toScore}</h2>
                  <EntryList contest={contest} entries={queue.toScore} t={t} />
                </section>
              ) : null}
              {queue.done.length ? (
                <section aria-labelledby="judging-done">
                  <h2 id="judging-done">{t.scoredByMe}</h2>
                  <table className="staff-table">
                    <thead>
                      <tr>
                        <th scope="col">{t.entryCode}</th>
                        <th scope="col">{t.title}</th>
                        <th scope="col">{t.category}</th>
                        <th scope="col">{t.mine}</th>
                        <th scope="col">
                          <span className="staff-visually-hidden">{t.seeScores}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {queue.done.map((e) => (
                        <tr key={String(e.id)}>
                          <th scope="row">{e.entryCode}</th>
                          <td>{e.title}</td>
                          <td>{e.category}</td>
                          <td>{scoreSummary(t, e.mine)}</td>
                          <td>
                            <a href={href({ contest: String(contest.id), entry: String(e.id) })}>{t.seeScores}</a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ) : null}
            </>
          ) : null}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
