'use client'
/**
 * "Cancel registration" in a registration's side panel: POST /api/registrations/:id/cancel, which
 * frees the seat and gives it to the first waitlisted child (with an email), as when a family
 * cancels through its link. Asks for confirmation first.
 */
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { uiLang } from './text'

const TEXT = {
  vi: {
    button: 'Huỷ đăng ký',
    confirm: 'Huỷ đăng ký này? Chỗ sẽ được nhường cho trẻ đầu tiên trong danh sách chờ và gia đình đó nhận thư báo.',
    done: (n: number) => (n ? `Đã huỷ. ${n} trẻ trong danh sách chờ đã được nhận chỗ.` : 'Đã huỷ.'),
    failed: 'Không huỷ được. Thử lại.',
  },
  en: {
    button: 'Cancel registration',
    confirm: 'Cancel this registration? The seat goes to the first child on the waitlist, whose family gets an email.',
    done: (n: number) => (n ? `Cancelled. ${n} waitlisted child(ren) now have a seat.` : 'Cancelled.'),
    failed: 'Could not cancel it. Try again.',
  },
}

export function CancelRegistration() {
  const { i18n } = useTranslation()
  const t = TEXT[uiLang(i18n.language)]
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const router = useRouter()
  const [state, setState] = useState<{ busy: boolean; message: string }>({ busy: false, message: '' })
  if (!id || status === 'cancelled') return state.message ? <p role="status">{state.message}</p> : null

  const cancel = async () => {
    if (!window.confirm(t.confirm)) return
    setState({ busy: true, message: '' })
    const res = await fetch(`/api/registrations/${id}/cancel`, { method: 'POST', credentials: 'same-origin' }).catch(() => null)
    const body = (await res?.json().catch(() => ({}))) as { error?: string; promoted?: number } | undefined
    setState({ busy: false, message: res?.ok ? t.done(body?.promoted ?? 0) : (body?.error ?? t.failed) })
    if (res?.ok) router.refresh()
  }

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" disabled={state.busy} onClick={cancel}>
        {t.button}
      </button>
      {state.message && <p role="status">{state.message}</p>}
    </div>
  )
}
