/**
 * Above the hand-overs list (admins and coordinators): each recent drive's hand-overs as CSV or
 * Excel (GET /api/hand-overs/export), with Vietnamese or English headers. A coordinator's file
 * holds only the communes they cover; every download is in the audit log.
 */
import type { ServerProps } from 'payload'
import { checkRole } from '../../access/roles'
import { drivesForHandOvers } from '../../services/hand-overs'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

const TEXT = {
  vi: { title: 'Tải danh sách bàn giao', csv: 'CSV', xlsx: 'Excel', english: 'tiêu đề tiếng Anh', note: 'Chỉ gồm các xã bạn phụ trách. Mỗi lần tải được ghi vào nhật ký truy cập.' },
  en: { title: 'Download hand-overs', csv: 'CSV', xlsx: 'Excel', english: 'Vietnamese headers', note: 'Only the communes you cover. Every download is written to the audit log.' },
} as const

export async function HandOversListTools({ payload, user, i18n }: ServerProps) {
  if (!user || !checkRole(['admin', 'coordinator'], { ...user, collection: 'users' })) return null
  const lang = uiLang(i18n.language)
  const t = TEXT[lang]
  const other = lang === 'vi' ? 'en' : 'vi'
  const drives = await drivesForHandOvers(payload, lang)
  if (!drives.length) return null
  const url = (id: number | string, format: 'csv' | 'xlsx', l: string) => `/api/hand-overs/export?drive=${encodeURIComponent(String(id))}&format=${format}&lang=${l}`
  return (
    <section className="staff-tools" aria-labelledby="hand-over-exports">
      <StaffStyles />
      <h3 id="hand-over-exports">{t.title}</h3>
      <p className="staff-muted">{t.note}</p>
      <ul className="staff-links">
        {drives.map((d) => (
          <li key={String(d.id)}>
            {d.title}:{' '}
            {(['csv', 'xlsx'] as const).map((format) => (
              <span key={format}>
                <a href={url(d.id, format, lang)} download>
                  {t[format]}
                </a>{' '}
                (<a href={url(d.id, format, other)} download>{t.english}</a>){' '}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  )
}
