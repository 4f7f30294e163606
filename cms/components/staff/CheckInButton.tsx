'use client'
/** Records one session's attendance for one child (POST /api/registrations/:id/check-in). */
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { STAFF_TEXT, type UiLang } from './text'

type Props = {
  lang: UiLang
  registrationId: number | string
  /** A fixed session; or, with `choices`, the one selected first. */
  session: number
  done?: boolean
  label?: string
  /** Sessions to choose from (number and label). */
  choices?: { value: number; label: string }[]
}

export function CheckInButton({ lang, registrationId, session, done = false, label, choices }: Props) {
  const t = STAFF_TEXT[lang]
  const router = useRouter()
  const [chosen, setChosen] = useState(session)
  const [state, setState] = useState<{ busy: boolean; message: string; ok: boolean; done: boolean }>({ busy: false, message: '', ok: true, done })

  const submit = async () => {
    setState((s) => ({ ...s, busy: true, message: '' }))
    try {
      const res = await fetch(`/api/registrations/${registrationId}/check-in`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session: chosen }),
      })
      const body = (await res.json().catch(() => ({}))) as { error?: string; recorded?: boolean }
      if (!res.ok) {
        setState({ busy: false, message: body.error ?? t.failed, ok: false, done: false })
        return
      }
      setState({ busy: false, message: body.recorded ? t.newlyRecorded : t.alreadyRecorded, ok: true, done: !choices })
      router.refresh()
    } catch {
      setState({ busy: false, message: t.failed, ok: false, done: false })
    }
  }

  return (
    <span className="staff-checkin">
      {choices ? (
        <label>
          <span className="staff-visually-hidden">{t.session}</span>
          <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {state.done ? (
        <span className="staff-checkin__done">✓ {t.recorded}</span>
      ) : (
        <button type="button" className="btn btn--style-primary btn--size-small staff-checkin__button" disabled={state.busy} onClick={submit}>
          {label ?? t.record}
        </button>
      )}
      <span role="status" aria-live="polite" className={state.ok ? 'staff-checkin__ok' : 'staff-checkin__error'}>
        {state.message}
      </span>
    </span>
  )
}
