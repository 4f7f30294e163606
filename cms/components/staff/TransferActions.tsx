'use client'
/**
 * In the side panel of a bank transfer that matched no pledge: the officer types the reference
 * of the pledge it pays (the donor's confirmation email, a phone call, the donor's name in the
 * note) and records it: POST /api/bank-transfers/:id/assign { reference }. The whole amount is
 * recorded as that pledge's receipt, once, and the assignment is written to the audit log.
 */
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { uiLang } from './text'

const TEXT = {
  vi: {
    title: 'Ghi nhận cho cam kết',
    intro: 'Nhập mã ủng hộ của cam kết mà giao dịch này thanh toán (ví dụ TT-7K3QX). Toàn bộ số tiền được ghi nhận thành một biên nhận.',
    reference: 'Mã ủng hộ',
    assign: 'Ghi nhận',
    confirm: (ref: string) => `Ghi nhận toàn bộ số tiền của giao dịch này cho cam kết ${ref}?`,
    done: (ref: string, receipt: string) => `Đã ghi nhận cho cam kết ${ref}, biên nhận số ${receipt}.`,
    failed: 'Không thực hiện được. Thử lại.',
  },
  en: {
    title: 'Record for a pledge',
    intro: 'Type the reference of the pledge this transfer pays (e.g. TT-7K3QX). The whole amount is recorded as one receipt.',
    reference: 'Pledge reference',
    assign: 'Record',
    confirm: (ref: string) => `Record the whole amount of this transfer for pledge ${ref}?`,
    done: (ref: string, receipt: string) => `Recorded for pledge ${ref}, receipt ${receipt}.`,
    failed: 'That did not work. Try again.',
  },
}

export function TransferActions() {
  const { i18n } = useTranslation()
  const t = TEXT[uiLang(i18n.language)]
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const direction = useFormFields(([fields]) => fields.direction?.value)
  const router = useRouter()
  const [reference, setReference] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  if (!id || status !== 'unmatched' || direction !== 'in') return message ? <p role="status">{message}</p> : null

  const assign = async () => {
    const ref = reference.trim()
    if (!ref || !window.confirm(t.confirm(ref))) return
    setBusy(true)
    setMessage('')
    const res = await fetch(`/api/bank-transfers/${id}/assign`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: ref }),
    }).catch(() => null)
    const body = ((await res?.json().catch(() => ({}))) ?? {}) as Record<string, unknown>
    setBusy(false)
    if (res?.ok) {
      setMessage(t.done(String(body.pledgeReference ?? ref), String(body.receiptNumber ?? '')))
      router.refresh()
    } else setMessage(typeof body.error === 'string' ? body.error : t.failed)
  }

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 4px' }}>{t.title}</h4>
      <p className="staff-muted" style={{ margin: '0 0 8px' }}>
        {t.intro}
      </p>
      {/* inside the document's own form: no nested <form>, Enter is caught on the input */}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <label>
          <span className="staff-visually-hidden">{t.reference}</span>
          <input value={reference} onChange={(e) => setReference(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              void assign()
            }}
            placeholder="TT-7K3QX" autoComplete="off" spellCheck={false} style={{ font: 'inherit', padding: 6, width: '10em' }} />
        </label>
        <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy || !reference.trim()} onClick={() => void assign()} style={{ margin: 0 }}>
          {t.assign}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </div>
  )
}
