'use client'
/**
 * A judge's score of one entry (on /admin/judging): yes/no in a shortlist round, or a mark
 * 1–10 per rubric criterion (weights shown) with an optional comment; and, apart, "I know this
 * child — skip", which sends `conflict: true`. Posts to /api/entries/:id/score; the rules and
 * their refusals are the server's. Once sent, the page shows the entry again with the jury's
 * scores (which the judge may read now) and a link to the next entry.
 */
import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'
import { JUDGING_TEXT } from './judging-text'
import type { UiLang } from './text'

type Props = {
  lang: UiLang
  contestId: number | string
  entryId: number | string
  entryCode: string
  round: { id: string; kind: 'yes-no' | 'rubric' }
  rubric: { id: string; criterion: string; weight: number }[]
}

export function ScoreForm({ lang, contestId, entryId, entryCode, round, rubric }: Props) {
  const t = JUDGING_TEXT[lang]
  const router = useRouter()
  const formId = useId()
  const [decision, setDecision] = useState<'yes' | 'no' | ''>('')
  const [marks, setMarks] = useState<Record<string, string>>({})
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  const send = async (body: Record<string, unknown>) => {
    if (busy) return
    setBusy(true)
    setMessage('')
    const res = await fetch(`/api/entries/${encodeURIComponent(String(entryId))}/score`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ round: round.id, ...body }),
    }).catch(() => null)
    const json = ((await res?.json().catch(() => ({}))) ?? {}) as { error?: unknown }
    setBusy(false)
    if (!res?.ok) return setMessage(typeof json.error === 'string' ? json.error : t.failed)
    // the same entry again: now with the jury's scores
    router.push(`/admin/judging?contest=${encodeURIComponent(String(contestId))}&entry=${encodeURIComponent(String(entryId))}`)
    router.refresh()
  }

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const text = comment.trim() || undefined
    if (round.kind === 'yes-no') return void send({ decision: decision || undefined, comment: text })
    const given: Record<string, number> = {}
    for (const c of rubric) if (marks[c.id] !== undefined && marks[c.id] !== '') given[c.id] = Number(marks[c.id])
    void send({ marks: given, comment: text })
  }

  const skip = () => {
    if (!window.confirm(t.conflictConfirm)) return
    void send({ conflict: true })
  }

  return (
    <div className="judging-form">
      <form onSubmit={submit} aria-labelledby={`${formId}-title`}>
        <h3 id={`${formId}-title`} className="staff-visually-hidden">
          {t.entryCode} {entryCode}
        </h3>
        {round.kind === 'yes-no' ? (
          <fieldset>
            <legend>{t.yesNo}</legend>
            {(['yes', 'no'] as const).map((v) => (
              <label key={v} className="judging-choice">
                <input type="radio" name="decision" value={v} checked={decision === v} onChange={() => setDecision(v)} required /> {v === 'yes' ? t.yes : t.no}
              </label>
            ))}
          </fieldset>
        ) : (
          <fieldset className="judging-marks">
            <legend>{t.criteria}</legend>
            {rubric.map((c) => (
              <label key={c.id} className="staff-block">
                <span>
                  {c.criterion} <span className="staff-muted">({t.weight(c.weight)})</span>
                </span>
                <input
                  type="number"
                  name={`mark-${c.id}`}
                  min={1}
                  max={10}
                  step={1}
                  inputMode="numeric"
                  required
                  value={marks[c.id] ?? ''}
                  onChange={(e) => setMarks({ ...marks, [c.id]: e.target.value })}
                />
              </label>
            ))}
          </fieldset>
        )}
        <label className="staff-block">
          <span>{t.comment}</span>
          <textarea name="comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <p className="staff-muted">{t.finalNote}</p>
        <div className="staff-quick">
          <button type="submit" className="btn btn--style-primary btn--size-small" disabled={busy}>
            {busy ? t.sending : t.send}
          </button>
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={skip}>
            {t.conflict}
          </button>
        </div>
      </form>
      {message ? (
        <p className="staff-checkin__error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  )
}
