/**
 * The emails a family (or a teacher) gets about a sign-up: the confirmation (a seat or a
 * waitlist place for each child, a manage link, and a check-in QR code for each seat), the
 * email when a waitlisted child gets a seat, the email when a priority seat is released, and the
 * reminder before the first session.
 * Vietnamese first, English below. Manage links carry the secret token; QR codes carry only the
 * registration reference, for staff to open the check-in page.
 */
import { checkInUrl } from '../services/checkin'
import type { EmailAttachment, OutgoingEmail } from '../services/email/outbox'
import { emailLayout, escapeHtml } from './layout'
import { href, type Lang } from '../../site/i18n/routes'
import { qrPng } from '../services/qr-code'

/** A family's private link, from the site's route table (the only place public paths are written). */
export const manageLink = (serverURL: string, lang: Lang, token: string) => `${serverURL}${href('manage', lang, { token })}`

export type NoticeChild = {
  reference: string
  familyName: string
  givenName: string
  status: 'confirmed' | 'waitlisted'
  seat?: number | null
  position?: number | null
  manageToken: string
}

export type NoticeEvent = {
  title: Record<Lang, string>
  venue: Record<Lang, string>
  firstDay: string | null
  firstStart: string | null
  sessions: number
  organiser: { name: string; phone?: string | null; email?: string | null }
}

const DAY_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }),
}
function day(iso: string | null, lang: Lang): string {
  return iso ? DAY_FORMAT[lang].format(new Date(iso)) : ''
}

const T = {
  vi: {
    hello: (name: string) => `Chào ${name},`,
    result: 'Kết quả đăng ký',
    starts: 'Buổi đầu tiên',
    sessions: (n: number) => `${n} buổi`,
    venue: 'Địa điểm',
    seat: (n: number) => `Có chỗ — số ${n}`,
    waitlist: (n: number) => `Danh sách chờ — vị trí ${n}`,
    manage: 'Xem, huỷ đăng ký hoặc tải dữ liệu của trẻ',
    qr: 'Mã điểm danh: đưa mã này cho ban tổ chức ở buổi học.',
    waitlistNote: 'Khi có người huỷ, trẻ ở danh sách chờ được nhận chỗ theo thứ tự đăng ký và gia đình sẽ nhận thư báo.',
    organiser: 'Ban tổ chức',
    keep: 'Thư này chứa đường dẫn riêng để quản lý đăng ký: xin đừng chuyển tiếp.',
    promotedTitle: 'Trẻ đã có chỗ',
    promoted: (name: string, seat: number) => `${name} vừa được nhận chỗ (số ${seat}) từ danh sách chờ.`,
    reminderTitle: 'Nhắc lịch',
    reminder: (when: string) => `Lớp học, sự kiện bắt đầu vào ${when}. Hẹn gặp các em!`,
    cannotCome: 'Nếu trẻ không thể tham gia, xin huỷ đăng ký để nhường chỗ cho trẻ khác.',
    releasedTitle: 'Thay đổi về chỗ',
    released: (name: string) =>
      `Ban tổ chức chưa xác minh được nhóm ưu tiên của ${name}, nên chỗ dành riêng đã được trả lại. Đăng ký của trẻ vẫn giữ, theo thứ tự thời gian đăng ký. Nếu gia đình có giấy tờ xác nhận, xin liên hệ ban tổ chức.`,
  },
  en: {
    hello: (name: string) => `Dear ${name},`,
    result: 'Sign-up result',
    starts: 'First session',
    sessions: (n: number) => `${n} sessions`,
    venue: 'Venue',
    seat: (n: number) => `Confirmed — seat ${n}`,
    waitlist: (n: number) => `Waitlist — position ${n}`,
    manage: "See or cancel the sign-up, or download the child's data",
    qr: 'Check-in code: show it to the organisers at the session.',
    waitlistNote: 'When someone cancels, waitlisted children get seats in the order they signed up, and the family gets an email.',
    organiser: 'Organiser',
    keep: 'This email holds private links to manage the sign-up: please do not forward it.',
    promotedTitle: 'Your child has a seat',
    promoted: (name: string, seat: number) => `${name} has just been given a seat (number ${seat}) from the waitlist.`,
    reminderTitle: 'Reminder',
    reminder: (when: string) => `The class or event starts on ${when}. See you there!`,
    cannotCome: 'If your child cannot come, please cancel the sign-up so that another child can have the seat.',
    releasedTitle: 'A change to your seat',
    released: (name: string) =>
      `The organisers could not verify ${name}'s priority group, so the seat held for priority groups has been given back. The sign-up stays, in the order it was made. If your family has papers that show the group, please contact the organisers.`,
  },
} as const

function qrAttachment(serverURL: string, reference: string): EmailAttachment {
  // 5 px per module, no resampling: about 190 px for a check-in address, sharp for a phone camera
  const png = qrPng(checkInUrl(serverURL, reference), { scale: 5, margin: 2, errorCorrectionLevel: 'M' })
  return { filename: `check-in-${reference}.png`, contentType: 'image/png', cid: `qr-${reference}@check-in`, content: png.toString('base64') }
}

function eventBlock(event: NoticeEvent, lang: Lang): string {
  const t = T[lang]
  const when = [day(event.firstDay, lang), event.firstStart].filter(Boolean).join(', ')
  const contact = [event.organiser.name, event.organiser.phone, event.organiser.email].filter(Boolean).map((v) => escapeHtml(String(v))).join(' · ')
  return `<p><strong>${escapeHtml(event.title[lang])}</strong><br>
${when ? `${t.starts}: ${escapeHtml(when)}${event.sessions > 1 ? ` (${t.sessions(event.sessions)})` : ''}<br>` : ''}
${t.venue}: ${escapeHtml(event.venue[lang])}<br>
${t.organiser}: ${contact}</p>`
}

function childBlock(serverURL: string, child: NoticeChild, lang: Lang, withQr: boolean): string {
  const t = T[lang]
  const name = escapeHtml(`${child.familyName} ${child.givenName}`)
  const status = child.status === 'confirmed' ? t.seat(child.seat ?? 0) : t.waitlist(child.position ?? 0)
  const qr = withQr && child.status === 'confirmed' ? `<br><img src="cid:qr-${child.reference}@check-in" width="160" height="160" alt="QR ${child.reference}"><br><small>${t.qr} (${child.reference})</small>` : ''
  return `<li style="margin-bottom:16px"><strong>${name}</strong> — ${status}<br><a href="${manageLink(serverURL, lang, child.manageToken)}">${t.manage}</a>${qr}</li>`
}

function textChild(serverURL: string, child: NoticeChild, lang: Lang): string {
  const t = T[lang]
  const status = child.status === 'confirmed' ? t.seat(child.seat ?? 0) : t.waitlist(child.position ?? 0)
  return `- ${child.familyName} ${child.givenName}: ${status} (${child.reference})\n  ${t.manage}: ${manageLink(serverURL, lang, child.manageToken)}`
}

async function compose(
  serverURL: string,
  parts: { subject: string; to: string; dedupeKey: string; children: NoticeChild[]; event: NoticeEvent; guardianName: string },
  intro: (lang: Lang) => string,
): Promise<OutgoingEmail> {
  const body = (lang: Lang) => {
    const t = T[lang]
    const anyWaiting = parts.children.some((c) => c.status === 'waitlisted')
    return `<p>${escapeHtml(t.hello(parts.guardianName))}</p>${intro(lang)}${eventBlock(parts.event, lang)}
<ul style="padding-left:18px">${parts.children.map((c) => childBlock(serverURL, c, lang, lang === 'vi')).join('')}</ul>
${anyWaiting ? `<p>${t.waitlistNote}</p>` : ''}<p style="font-size:13px;color:#6b7280">${t.keep}</p>`
  }
  const text = (['vi', 'en'] as const)
    .map((lang) => `${T[lang].hello(parts.guardianName)}\n\n${intro(lang).replace(/<[^>]+>/g, '')}\n${parts.event.title[lang]}\n${parts.children.map((c) => textChild(serverURL, c, lang)).join('\n')}`)
    .join('\n\n----\n\n')
  const attachments = parts.children.filter((c) => c.status === 'confirmed').map((c) => qrAttachment(serverURL, c.reference))
  return { to: parts.to, subject: parts.subject, dedupeKey: parts.dedupeKey, html: emailLayout({ vi: body('vi'), en: body('en') }), text, attachments }
}

export type NoticeInput = { to: string; guardianName: string; event: NoticeEvent; children: NoticeChild[]; dedupeKey: string }

export const signUpEmails = {
  confirmation: (serverURL: string, n: NoticeInput) =>
    compose(serverURL, { ...n, subject: `Kết quả đăng ký / Sign-up result: ${n.event.title.vi}` }, (lang) => `<p>${T[lang].result}:</p>`),

  promoted: (serverURL: string, n: NoticeInput) =>
    compose(
      serverURL,
      { ...n, subject: `Đã có chỗ / You have a seat: ${n.event.title.vi}` },
      (lang) => `<p><strong>${T[lang].promotedTitle}.</strong> ${n.children.map((c) => escapeHtml(T[lang].promoted(c.givenName, c.seat ?? 0))).join(' ')}</p>`,
    ),

  priorityReleased: (serverURL: string, n: NoticeInput) =>
    compose(
      serverURL,
      { ...n, subject: `Thay đổi về chỗ / A change to your seat: ${n.event.title.vi}` },
      (lang) => `<p><strong>${T[lang].releasedTitle}.</strong> ${n.children.map((c) => escapeHtml(T[lang].released(c.givenName))).join(' ')}</p>`,
    ),

  reminder: (serverURL: string, n: NoticeInput) =>
    compose(
      serverURL,
      { ...n, subject: `Nhắc lịch / Reminder: ${n.event.title.vi}` },
      (lang) => `<p><strong>${T[lang].reminderTitle}.</strong> ${escapeHtml(T[lang].reminder(day(n.event.firstDay, lang)))} ${T[lang].cannotCome}</p>`,
    ),
}
