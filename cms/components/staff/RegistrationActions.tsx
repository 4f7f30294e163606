'use client'
/**
 * The operations on a registration, in its side panel: the only ways staff change one (the
 * fields themselves are read-only, apart from the staff note).
 * - Cancel: POST /api/registrations/:id/cancel — frees the seat, the first waitlisted child gets it (with an email).
 * - Verify / release a priority seat: POST …/verify-priority, …/release-priority (shown when the child holds a reserved seat).
 * - No-show: POST …/no-show (a child with a seat who came to no session).
 * Each asks for confirmation when it changes where a child stands, and says what happened.
 */
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import { uiLang } from './text'

const TEXT = {
  vi: {
    cancel: 'Huỷ đăng ký',
    cancelConfirm: 'Huỷ đăng ký này? Chỗ sẽ được nhường cho trẻ đầu tiên trong danh sách chờ và gia đình đó nhận thư báo.',
    cancelled: (n: number) => (n ? `Đã huỷ. ${n} trẻ trong danh sách chờ đã được nhận chỗ.` : 'Đã huỷ.'),
    prioritySeat: (seat: number) => `Chỗ số ${seat} là chỗ dành riêng cho nhóm ưu tiên.`,
    toVerify: 'Chưa xác minh nhóm ưu tiên.',
    verified: 'Đã xác minh nhóm ưu tiên.',
    verify: 'Xác minh nhóm ưu tiên',
    release: 'Không xác minh được: trả chỗ',
    releaseConfirm: 'Trả chỗ dành riêng? Trẻ được xếp lại như mọi trẻ khác (chỗ thường nếu còn, nếu không vào danh sách chờ theo thời gian đăng ký) và gia đình nhận thư báo.',
    released: (r: { status: string; seat: number | null; position: number | null }) =>
      r.status === 'waitlisted' ? `Đã trả chỗ. Trẻ ở danh sách chờ, vị trí ${r.position ?? '?'}.` : `Đã trả chỗ. Trẻ nhận chỗ thường số ${r.seat ?? '?'}.`,
    noShow: 'Đánh dấu vắng mặt',
    noShowConfirm: 'Đánh dấu trẻ vắng mặt (không đến buổi nào)?',
    done: 'Đã lưu.',
    failed: 'Không thực hiện được. Thử lại.',
  },
  en: {
    cancel: 'Cancel registration',
    cancelConfirm: 'Cancel this registration? The seat goes to the first child on the waitlist, whose family gets an email.',
    cancelled: (n: number) => (n ? `Cancelled. ${n} waitlisted child(ren) now have a seat.` : 'Cancelled.'),
    prioritySeat: (seat: number) => `Seat ${seat} is a seat held for priority groups.`,
    toVerify: 'The priority group is not verified yet.',
    verified: 'The priority group is verified.',
    verify: 'Verify the priority group',
    release: 'Cannot verify: release the seat',
    releaseConfirm: 'Release the reserved seat? The child is placed again like any other (an open seat if one is free, else the waitlist by sign-up time) and the family gets an email.',
    released: (r: { status: string; seat: number | null; position: number | null }) =>
      r.status === 'waitlisted' ? `Released. The child is on the waitlist, position ${r.position ?? '?'}.` : `Released. The child now has open seat ${r.seat ?? '?'}.`,
    noShow: 'Mark as no-show',
    noShowConfirm: 'Mark this child as a no-show (came to no session)?',
    done: 'Saved.',
    failed: 'That did not work. Try again.',
  },
}

type Seat = { seat: number | null; reserved: boolean; verifiedAt: string | null; canVerify: boolean; canRelease: boolean }

export function RegistrationActions() {
  const { i18n } = useTranslation()
  const t = TEXT[uiLang(i18n.language)]
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [seat, setSeat] = useState<Seat | null>(null)

  useEffect(() => {
    if (!id) return
    let live = true
    fetch(`/api/registrations/${id}/seat`, { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<Seat>) : null))
      .then((s) => live && setSeat(s))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [id, status])

  if (!id) return null
  const act = async (path: string, confirmText: string | null, said: (body: Record<string, unknown>) => string) => {
    if (confirmText && !window.confirm(confirmText)) return
    setBusy(true)
    setMessage('')
    const res = await fetch(`/api/registrations/${id}/${path}`, { method: 'POST', credentials: 'same-origin' }).catch(() => null)
    const body = ((await res?.json().catch(() => ({}))) ?? {}) as Record<string, unknown>
    setBusy(false)
    setMessage(res?.ok ? said(body) : typeof body.error === 'string' ? body.error : t.failed)
    if (res?.ok) router.refresh()
  }
  const button = (label: string, onClick: () => void) => (
    <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={onClick} style={{ marginRight: 8 }}>
      {label}
    </button>
  )

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      {seat?.reserved && seat.seat !== null && (
        <p>
          {t.prioritySeat(seat.seat)} {seat.verifiedAt ? t.verified : t.toVerify}
        </p>
      )}
      {seat?.canVerify && button(t.verify, () => void act('verify-priority', null, () => t.done))}
      {seat?.canRelease && button(t.release, () => void act('release-priority', t.releaseConfirm, (b) => t.released({ status: String(b.status), seat: typeof b.seat === 'number' ? b.seat : null, position: typeof b.position === 'number' ? b.position : null })))}
      {status === 'confirmed' && button(t.noShow, () => void act('no-show', t.noShowConfirm, () => t.done))}
      {status !== 'cancelled' && button(t.cancel, () => void act('cancel', t.cancelConfirm, (b) => t.cancelled(typeof b.promoted === 'number' ? b.promoted : 0)))}
      {message && <p role="status">{message}</p>}
    </div>
  )
}
