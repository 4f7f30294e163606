/**
 * /admin/contest-results?contest=ID — the organisers' judging page (admins and editors): the
 * progress of the round being judged (per judge: scored, knows the child, left), each category's
 * ranking with every judge's score (yes/no or the weighted total; the marks per criterion and
 * the comment under "details"), ties flagged with the order among equal scores to set, the
 * buttons that close the round and publish the results, and the certificates to print. It shows
 * the children's names (organisers may see them; the judges' page never does), so every view is
 * written to the audit log (cms/services/judging-staff.ts contestResults).
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { reqLang } from '../../i18n/messages'
import { contestResults, contestsForResults, isOrganiser, staffUser, type ContestResults, type ResultRow } from '../../services/judging-staff'
import { displayMoment, parseId } from '../../services/staff'
import { JudgingActions, TieBreakInput } from './JudgingActions'
import { JUDGING_TEXT, judgingMessage, type JudgingText } from './judging-text'
import { scoreSummary } from './JudgingView'
import { JudgingStyles } from './JudgingStyles'
import { StaffStyles } from './StaffStyles'
import type { UiLang } from './text'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const resultsHref = (id: number | string) => `/admin/contest-results?contest=${encodeURIComponent(String(id))}`

function formatScore(t: JudgingText, lang: UiLang, results: ContestResults, score: number | null): string {
  if (score === null) return t.notScored
  if (results.round?.kind === 'yes-no') return `${Math.round(score * 100)}%`
  return score.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')
}

function JudgeCell({ row, judgeNumber, t }: { row: ResultRow; judgeNumber: number; t: JudgingText }) {
  const s = row.byJudge.find((b) => b.judgeNumber === judgeNumber)
  if (!s) return <td className="staff-muted">—</td>
  const details = [...s.marks.map((m) => t.marksOf(m.criterion, m.mark)), s.comment ? `“${s.comment}”` : ''].filter(Boolean)
  return (
    <td className="judging-cell" title={details.join(' · ') || undefined}>
      {details.length ? (
        <details>
          <summary>{scoreSummary(t, s)}</summary>
          <ul className="staff-receipts">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </details>
      ) : (
        scoreSummary(t, s)
      )}
    </td>
  )
}

function Ranking({ results, lang }: { results: ContestResults; lang: UiLang }) {
  const t = JUDGING_TEXT[lang]
  const published = Boolean(results.contest.resultsPublishedAt)
  return (
    <>
      {results.categories.map((category) => (
        <section key={category.id} aria-labelledby={`ranking-${category.id}`}>
          <h3 id={`ranking-${category.id}`}>{category.label}</h3>
          {category.rows.length ? (
            <div style={{ overflowX: 'auto' }}>
              <table className="staff-table" data-category={category.id}>
                <thead>
                  <tr>
                    <th scope="col">{t.rank}</th>
                    <th scope="col">{t.entryCode}</th>
                    <th scope="col">{t.child}</th>
                    <th scope="col">{t.title}</th>
                    <th scope="col">{results.round?.kind === 'yes-no' ? t.yesShare : t.score}</th>
                    {results.judges.map((j) => (
                      <th scope="col" key={String(j.id)}>
                        {j.name}
                      </th>
                    ))}
                    <th scope="col">{t.tieBreak}</th>
                    <th scope="col">{t.award}</th>
                  </tr>
                </thead>
                <tbody>
                  {category.rows.map((row) => (
                    <tr key={String(row.id)} className={row.tied ? 'judging-tied' : undefined} data-entry-code={row.entryCode} data-tied={row.tied ? 'true' : undefined}>
                      <td className="staff-num">{row.score === null ? '—' : row.rank}</td>
                      <th scope="row">
                        <a href={`/admin/collections/entries/${encodeURIComponent(String(row.id))}`}>
                          <img className="judging-thumb" src={`/api/entries/${encodeURIComponent(String(row.id))}/picture?size=small`} alt="" loading="lazy" /> {row.entryCode}
                        </a>
                      </th>
                      <td>
                        {row.childName}
                        {row.age !== null ? <span className="staff-muted"> · {row.age}</span> : null}
                      </td>
                      <td>{row.title}</td>
                      <td className="staff-num">
                        <strong>{formatScore(t, lang, results, row.score)}</strong> {row.tied ? <span className="judging-flag">{t.tied}</span> : null}
                      </td>
                      {results.judges.map((j) => (
                        <JudgeCell key={String(j.id)} row={row} judgeNumber={j.number} t={t} />
                      ))}
                      <td>{row.tied && !published ? <TieBreakInput lang={lang} entryId={row.id} entryCode={row.entryCode} value={row.tieBreak} /> : (row.tieBreak ?? '')}</td>
                      <td>{row.prize ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="staff-muted">{t.noEntries}</p>
          )}
        </section>
      ))}
    </>
  )
}

function Results({ results, lang, categories }: { results: ContestResults; lang: UiLang; categories: { id: string; label: string }[] }) {
  const t = JUDGING_TEXT[lang]
  const { contest, progress } = results
  const published = Boolean(contest.resultsPublishedAt)
  const certificateUrl = (kind: 'winners' | 'participants', category?: string) =>
    `/api/contests/${encodeURIComponent(String(contest.id))}/certificates?kind=${kind}&lang=${lang}${category ? `&category=${encodeURIComponent(category)}` : ''}`
  return (
    <>
      <section aria-labelledby="results-contest">
        <h2 id="results-contest">{contest.title}</h2>
        <p>
          {results.open && results.round ? (
            <>
              {t.round}: <strong>{t.roundOf(results.round.name, results.round.index + 1, contest.rounds.length)}</strong>
            </>
          ) : published && contest.resultsPublishedAt ? (
            t.publishedAt(displayMoment(contest.resultsPublishedAt))
          ) : (
            t.noRound
          )}
        </p>
        {!published ? <JudgingActions lang={lang} contestId={contest.id} roundName={results.open ? (results.round?.name ?? null) : null} mayClose={results.open} mayPublish={!results.open} /> : null}
      </section>

      {progress.round ? (
        <section aria-labelledby="results-progress">
          <h2 id="results-progress">{t.progressTitle(progress.round.name)}</h2>
          <p className="staff-muted">{t.entriesInRound(progress.entries)}</p>
          {progress.judges.length ? (
            <table className="staff-table">
              <thead>
                <tr>
                  <th scope="col">{t.judge}</th>
                  <th scope="col">{t.scored}</th>
                  <th scope="col">{t.conflicts}</th>
                  <th scope="col">{t.left}</th>
                </tr>
              </thead>
              <tbody>
                {progress.judges.map((j) => (
                  <tr key={String(j.judge)}>
                    <th scope="row">{j.name}</th>
                    <td className="staff-num">{j.scored}</td>
                    <td className="staff-num">{j.conflicts}</td>
                    <td className="staff-num">{j.toScore}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t.noJury}</p>
          )}
        </section>
      ) : null}

      {results.round ? (
        <section aria-labelledby="results-ranking">
          <h2 id="results-ranking">{t.ranking(results.round.name)}</h2>
          <Ranking results={results} lang={lang} />
        </section>
      ) : null}

      <section aria-labelledby="results-certificates">
        <h2 id="results-certificates">{t.certificates}</h2>
        <p className="staff-muted">{t.certNote}</p>
        <ul className="staff-receipts">
          {(['winners', 'participants'] as const)
            .filter((kind) => kind === 'participants' || published)
            .map((kind) => (
              <li key={kind}>
                <strong>{kind === 'winners' ? t.certWinners : t.certParticipants}</strong>:{' '}
                <a href={certificateUrl(kind)} download>
                  {t.allCategories}
                </a>
                {categories.map((c) => (
                  <span key={c.id}>
                    {' · '}
                    <a href={certificateUrl(kind, c.id)} download>
                      {c.label}
                    </a>
                  </span>
                ))}
              </li>
            ))}
        </ul>
      </section>
    </>
  )
}

export async function ContestResultsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = staffUser(req.user)
  const contestParam = first(searchParams?.contest)
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent(`/admin/contest-results${contestParam ? `?contest=${encodeURIComponent(contestParam)}` : ''}`)}`)
  const lang: UiLang = reqLang(req)
  const t = JUDGING_TEXT[lang]
  const allowed = isOrganiser(user)
  const id = parseId(contestParam)
  const contests = allowed ? await contestsForResults(req.payload, user, lang) : []
  const results = allowed && id !== null && contests.some((c) => String(c.id) === String(id)) ? await contestResults(req.payload, req, user, id, lang) : null
  const chosen = contests.find((c) => id !== null && String(c.id) === String(id))
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
          <h1>{t.results}</h1>
          {allowed ? (
            <>
              <p className="staff-muted">{t.resultsIntro}</p>
              <nav aria-label={t.chooseContest}>
                <ul className="staff-links">
                  {contests.map((c) => (
                    <li key={String(c.id)}>
                      {chosen && String(chosen.id) === String(c.id) ? (
                        <strong>{c.title}</strong>
                      ) : (
                        <a href={resultsHref(c.id)}>{c.title}</a>
                      )}
                      <span className="staff-muted"> · {c.round ? c.round.name : c.published ? t.published : t.noRound}</span>
                    </li>
                  ))}
                </ul>
              </nav>
              {results && chosen ? <Results results={results} lang={lang} categories={[...chosen.categories].map(([cid, label]) => ({ id: cid, label }))} /> : null}
            </>
          ) : (
            <p>{judgingMessage(lang, 'organisersOnly')}</p>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
