'use client'
/**
 * The side panel of a contest entry (organisers): "Gỡ tranh khỏi trang công khai" ends the
 * publication consent on the family's behalf (they asked by phone, or the picture should not be
 * shown) — POST /api/entries/:id/withdraw-publication, confirmed first. The picture, title and
 * name leave the gallery, the results and every kept page at once; the entry still takes part.
 */
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { uiLang } from './text'

const TEXT = {
  vi: {
    title: 'Công bố tranh',
    button: 'Gỡ tranh khỏi trang công khai',
    confirm: 'Gỡ tranh, tên và tuổi của em khỏi thư viện tranh và trang kết quả ngay bây giờ? Bài vẫn dự thi. Việc này không hoàn tác được (gia đình cần đồng ý lại bằng văn bản).',
    done: (n: number) => (n ? 'Đã gỡ. Sự đồng ý công bố đã chấm dứt.' : 'Bài này không có sự đồng ý công bố nào còn hiệu lực; bản công khai (nếu có) đã được xoá.'),
    failed: 'Không thực hiện được.',
  },
  en: {
    title: 'Publication',
    button: 'Take the picture off public pages',
    confirm: "Take the picture, the child's name and age off the gallery and the results now? The entry still takes part. This cannot be undone (the family would have to agree again in writing).",
    done: (n: number) => (n ? 'Done. The publication consent has ended.' : 'This entry had no publication consent in force; any public copy has been deleted.'),
    failed: 'This could not be done.',
  },
} as const

export function EntryPublicationAction() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = TEXT[uiLang(i18n.language)]
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  if (id === undefined || id === null) return null

  const withdraw = async () => {
    if (busy || !window.confirm(t.confirm)) return
    setBusy(true)
    const res = await fetch(`/api/entries/${encodeURIComponent(String(id))}/withdraw-publication`, { method: 'POST', credentials: 'same-origin' }).catch(() => null)
    const json = ((await res?.json().catch(() => ({}))) ?? {}) as { withdrawn?: number; error?: string }
    setBusy(false)
    setMessage(res?.ok ? t.done(json.withdrawn ?? 0) : (json.error ?? t.failed))
    if (res?.ok) router.refresh()
  }

  return (
    <div style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>{t.title}</h4>
      <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={() => void withdraw()}>
        {t.button}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
