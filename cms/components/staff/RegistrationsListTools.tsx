/** Above the registrations list: where check-in and the per-event exports are. */
import type { ServerProps } from 'payload'
import { STAFF_TEXT, uiLang } from './text'

const HINT = {
  vi: 'Tải danh sách (CSV, Excel) và gửi thư cho người đăng ký: mở sự kiện, phần “Danh sách đăng ký” ở cột bên.',
  en: 'Download lists (CSV, Excel) and email registrants from each event’s page, in the side panel.',
}

export function RegistrationsListTools({ i18n }: ServerProps) {
  const lang = uiLang(i18n.language)
  return (
    <p className="staff-muted" style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      <a href="/admin/check-in">{STAFF_TEXT[lang].checkIn} →</a>
      <span>{HINT[lang]}</span>
    </p>
  )
}
