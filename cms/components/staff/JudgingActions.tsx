'use client'
/**
 * The organisers' judging buttons (on /admin/contest-results): "Khoá vòng" closes the round being
 * judged (POST /api/contests/:id/close-round), "Công bố kết quả" publishes the results (POST
 * /api/contests/:id/publish-results) — each confirmed first; the server's refusals (ties with
 * the entry codes to order, a round still open, entries still coming in) are shown as they come.
 * TieBreakInput sets a tied entry's order (POST /api/entries/:id/tie-break).
 */
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { JUDGING_TEXT } from './judging-text'
import type { UiLang } from './text'

async function post(url: string, body?: unknown): Promise<{ ok: boolean; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null)
  const json = ((await res?.json().catch(() => ({}))) ?? {}) as Record<string, unknown>
  return { ok: Boolean(res?.ok), json }
}

export function JudgingActions({ lang, contestId, roundName, mayClose, mayPublish }: { lang: UiLang; contestId: number | string; roundName: string | null; mayClose: boolean; mayPublish: boolean }) {
  const t = JUDGING_TEXT[lang]
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const act = async (path: 'close-round' | 'publish-results', confirmText: string, said: (json: Record<string, unknown>) => string) => {
    if (busy || !window.confirm(confirmText)) return
    setBusy(true)
    setMessage(null)
    const { ok, json } = await post(`/api/contests/${encodeURIComponent(String(contestId))}/${path}`)
    setBusy(false)
    setMessage({ ok, text: ok ? said(json) : typeof json.error === 'string' ? json.error : t.failed })
    if (ok) router.refresh()
  }

  return (
    <div>
      <div className="staff-quick">
        {mayClose && roundName !== null ? (
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void act('close-round', t.closeConfirm(roundName), (j) => t.closed(Number(j.advanced) || 0))}>
            {t.closeRound}
          </button>
        ) : null}
        {mayPublish ? (
          <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => void act('publish-results', t.publishConfirm, (j) => t.publishedNow(Number(j.awarded) || 0))}>
            {t.publish}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className={message.ok ? 'staff-checkin__ok' : 'staff-checkin__error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </div>
  )
}

export function TieBreakInput({ lang, entryId, entryCode, value }: { lang: UiLang; entryId: number | string; entryCode: string; value: number | null }) {
  const t = JUDGING_TEXT[lang]
  const router = useRouter()
  const [typed, setTyped] = useState(value === null ? '' : String(value))
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const save = async () => {
    if (busy) return
    const n = typed.trim() === '' ? null : Number(typed)
    setBusy(true)
    setMessage(null)
    const { ok, json } = await post(`/api/entries/${encodeURIComponent(String(entryId))}/tie-break`, { tieBreak: n })
    setBusy(false)
    setMessage({ ok, text: ok ? t.tieBreakSaved : typeof json.error === 'string' ? json.error : t.failed })
    if (ok) router.refresh()
  }

  return (
    <span className="judging-tiebreak">
      <input
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        aria-label={`${t.tieBreak}: ${entryCode}`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void save()
          }
        }}
      />
      <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={() => void save()}>
        {t.tieBreakSave}
      </button>
      {message ? (
        <span className={message.ok ? 'staff-checkin__ok' : 'staff-checkin__error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      ) : null}
    </span>
  )
}
