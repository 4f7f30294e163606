'use client'
/**
 * The form to email an event's registrants (POST /api/registrations/email-registrants). It sits
 * inside the event's edit form, and forms cannot nest: a group of fields with its own button.
 */
import { useRef, useState } from 'react'
import { STAFF_TEXT, type UiLang } from './text'

export function BroadcastForm({ lang, eventId }: { lang: UiLang; eventId: number | string }) {
  const t = STAFF_TEXT[lang]
  const [state, setState] = useState<{ busy: boolean; message: string; ok: boolean }>({ busy: false, message: '', ok: true })

  const group = useRef<HTMLDivElement>(null)

  const submit = async () => {
    const root = group.current
    if (!root) return
    const field = (name: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="staff-${name}"]`)
    const subject = field('subject')
    const message = field('message')
    if (!subject?.reportValidity() || !message?.reportValidity()) return
    const groups = [...root.querySelectorAll<HTMLInputElement>('[name="staff-groups"]:checked')].map((c) => c.value)
    setState({ busy: true, message: t.sending, ok: true })
    try {
      const res = await fetch('/api/registrations/email-registrants', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: eventId, subject: subject.value, message: message.value, groups }),
      })
      const body = (await res.json().catch(() => ({}))) as { error?: string; queued?: number; alreadyQueued?: number }
      setState(res.ok ? { busy: false, message: t.sent(body.queued ?? 0, body.alreadyQueued ?? 0), ok: true } : { busy: false, message: body.error ?? t.failed, ok: false })
    } catch {
      setState({ busy: false, message: t.failed, ok: false })
    }
  }

  return (
    <div className="staff-broadcast" role="group" aria-labelledby="staff-email" ref={group} onKeyDown={(e) => {
        // Enter in a field would submit the event's own form (implicit submission).
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault()
      }}>
      <p className="staff-muted">{t.emailIntro}</p>
      <label className="staff-block">
        {t.subject}
        <input name="staff-subject" required minLength={3} maxLength={150} />
      </label>
      <label className="staff-block">
        {t.message}
        <textarea name="staff-message" required minLength={3} maxLength={5000} rows={6} />
      </label>
      <fieldset>
        <legend>{t.recipients}</legend>
        <label>
          <input type="checkbox" name="staff-groups" value="confirmed" defaultChecked /> {t.confirmedGroup}
        </label>
        <label>
          <input type="checkbox" name="staff-groups" value="waitlisted" /> {t.waitlistedGroup}
        </label>
      </fieldset>
      <button type="button" className="btn btn--style-primary btn--size-small" disabled={state.busy} onClick={submit}>
        {t.send}
      </button>
      <p role="status" aria-live="polite" className={state.ok ? 'staff-checkin__ok' : 'staff-checkin__error'}>
        {state.message}
      </p>
    </div>
  )
}
