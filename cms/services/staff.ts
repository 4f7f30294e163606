/**
 * Staff work on registrations (exports, check-in, emails to registrants, the seats dashboard)
 * shares one rule of scope, the same as read access to `registrations`: an admin works on every
 * event, a coordinator on the events of the communes they cover (cms/access/roles.ts), nobody
 * else on any. Refusals carry a message in the staff member's language.
 *
 * Services here read with the Local API and no user (so Payload's own read logging stays out of
 * the way) after checking the scope themselves, and write their own audit entry.
 */
import type { Payload, PayloadHandler, PayloadRequest, Where } from 'payload'
import { checkRole, coveredAreaIds } from '../access/roles'
import { reqLang, type Lang } from '../i18n/messages'
import type { Event, Registration } from '../payload-types'
import { asId, idOf, type Id } from './ids'

export const REGISTRATION_STATUSES = {
  pending: { vi: 'Đang xử lý', en: 'Being processed' },
  confirmed: { vi: 'Có chỗ', en: 'Confirmed' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waitlisted' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
  attended: { vi: 'Đã tham gia', en: 'Attended' },
  'no-show': { vi: 'Vắng mặt', en: 'No-show' },
} as const satisfies Record<Registration['status'], Record<Lang, string>>
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES

export const GUARDIAN_RELATIONSHIPS = {
  mother: { vi: 'Mẹ', en: 'Mother' },
  father: { vi: 'Bố', en: 'Father' },
  grandparent: { vi: 'Ông / bà', en: 'Grandparent' },
  guardian: { vi: 'Người giám hộ', en: 'Legal guardian' },
  teacher: { vi: 'Giáo viên', en: 'Teacher' },
} as const satisfies Record<Registration['guardian']['relationship'], Record<Lang, string>>

const messages = {
  signIn: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  forbidden: { vi: 'Sự kiện này không thuộc địa bàn bạn phụ trách.', en: 'This event is outside the areas you cover.' },
  eventNotFound: { vi: 'Không tìm thấy sự kiện.', en: 'Event not found.' },
  registrationNotFound: { vi: 'Không tìm thấy đăng ký.', en: 'Registration not found.' },
  badFormat: { vi: 'Định dạng phải là csv hoặc xlsx.', en: 'The format must be csv or xlsx.' },
  checkInCancelled: { vi: 'Đăng ký này đã bị huỷ: không thể điểm danh.', en: 'This registration was cancelled: it cannot be checked in.' },
  checkInWaitlisted: {
    vi: 'Trẻ đang trong danh sách chờ, chưa có chỗ: không thể điểm danh.',
    en: 'This child is on the waitlist and has no seat: they cannot be checked in.',
  },
  checkInPending: { vi: 'Đăng ký đang được xử lý, chưa có chỗ: không thể điểm danh.', en: 'This registration is still being processed: it cannot be checked in yet.' },
  sessionInvalid: {
    vi: 'Buổi {session} không có trong lịch (sự kiện có {count} buổi).',
    en: 'Session {session} is not in the schedule (the event has {count} sessions).',
  },
  noSessionToday: { vi: 'Hôm nay không có buổi nào: hãy chọn buổi cần điểm danh.', en: 'There is no session today: choose the session to check in.' },
  invalidInput: { vi: 'Dữ liệu không hợp lệ: {details}', en: 'Invalid input: {details}' },
  notPrioritySeat: {
    vi: 'Trẻ không giữ chỗ dành riêng cho nhóm ưu tiên (hoặc chỗ đã được trả): không có gì để xác minh.',
    en: 'This child holds no seat held for a priority group (or it was released): there is nothing to verify.',
  },
  noShowRefused: {
    vi: 'Chỉ đánh dấu vắng mặt cho trẻ đã có chỗ và chưa điểm danh buổi nào.',
    en: 'Only a child who holds a seat and has attended no session can be marked as a no-show.',
  },
  // The Children's Support Fund's work (cms/services/fund-staff.ts, cms/services/fund-exports.ts)
  fundOnly: { vi: 'Chỉ cán bộ Quỹ Bảo trợ trẻ em và quản trị viên làm được việc này.', en: "Only Children's Fund officers and administrators can do this." },
  pledgeNotFound: { vi: 'Không tìm thấy cam kết ủng hộ.', en: 'Pledge not found.' },
  driveNotFound: { vi: 'Không tìm thấy đợt vận động.', en: 'Gift drive not found.' },
  receiptNotFound: { vi: 'Không tìm thấy biên nhận.', en: 'Receipt not found.' },
  pledgeEnded: { vi: 'Cam kết này đã huỷ hoặc hết hạn: không ghi nhận thêm được.', en: 'This pledge was cancelled or has lapsed: nothing more can be recorded against it.' },
  nothingReceived: { vi: 'Hãy nhập số tiền hoặc số lượng hiện vật đã nhận.', en: 'Enter the money or the quantities of items received.' },
  receiptAmountInvalid: { vi: 'Số tiền phải là số đồng chẵn, từ 0 đến 10.000.000.000.', en: 'The amount must be whole đồng, from 0 to 10,000,000,000.' },
  receiptQuantityInvalid: { vi: 'Số lượng phải là số nguyên không âm.', en: 'Quantities must be whole numbers, zero or more.' },
  itemNotPledged: { vi: 'Hiện vật này không có trong cam kết.', en: 'This item is not part of the pledge.' },
  receivedOnInvalid: { vi: 'Ngày nhận không hợp lệ (không được sau hôm nay).', en: 'The day received is not valid (it cannot be after today).' },
  formKeyMissing: { vi: 'Biểu mẫu thiếu mã gửi: hãy tải lại trang.', en: 'The form has no submission id: reload the page.' },
  pledgeAlreadyReceived: {
    vi: 'Cam kết đã nhận đủ: không huỷ hay đánh dấu hết hạn được nữa.',
    en: 'This pledge was received in full: it can no longer be cancelled or marked as lapsed.',
  },
  pledgeEndedOtherwise: { vi: 'Cam kết này đã ở trạng thái “{status}”.', en: 'This pledge is already “{status}”.' },
  thankedHasEmail: {
    vi: 'Nhà hảo tâm có thư điện tử: thư cảm ơn kèm biên nhận được gửi tự động.',
    en: 'The donor has an email address: the thank-you with the receipt is sent automatically.',
  },
  thankedNotReceived: { vi: 'Chỉ đánh dấu đã cảm ơn khi đã nhận đủ những gì nhà hảo tâm cam kết.', en: 'A donor is marked as thanked only once everything pledged was received.' },
  badExportKind: { vi: 'Chỉ xuất được danh sách nhà hảo tâm (donors) hoặc biên nhận (receipts).', en: 'The export must be donors or receipts.' },
  // Bank transfers (cms/services/bank-matching.ts)
  transferNotFound: { vi: 'Không tìm thấy giao dịch ngân hàng.', en: 'Bank transfer not found.' },
  referenceInvalid: { vi: 'Mã ủng hộ có dạng TT-7K3QX.', en: 'A pledge reference looks like TT-7K3QX.' },
  pledgeReferenceNotFound: { vi: 'Không có cam kết nào mang mã {reference}.', en: 'No pledge has the reference {reference}.' },
  transferOutgoing: { vi: 'Đây là giao dịch tiền ra: không ghi nhận cho cam kết nào.', en: 'This is money going out: it is not recorded for any pledge.' },
  transferMatched: { vi: 'Giao dịch này đã được ghi nhận cho một cam kết.', en: 'This transfer is already recorded for a pledge.' },
  assignPledgeEnded: { vi: 'Cam kết {reference} đã huỷ hoặc hết hạn: không ghi nhận được.', en: 'Pledge {reference} was cancelled or lapsed: it cannot be recorded.' },
  assignRefused: { vi: 'Không ghi nhận được giao dịch cho cam kết {reference}.', en: 'The transfer could not be recorded for pledge {reference}.' },
  statementMissing: { vi: 'Hãy chọn tệp sao kê (XLSX hoặc CSV).', en: 'Choose a statement file (XLSX or CSV).' },
  statementTooLarge: { vi: 'Tệp sao kê quá lớn: tối đa {max}.', en: 'The statement file is too large: {max} at most.' },
  statementUnreadable: {
    vi: 'Không đọc được tệp sao kê: chỉ nhận XLSX hoặc CSV tải từ ngân hàng, có dòng tiêu đề (ngày, số tiền, nội dung).',
    en: 'The statement could not be read: only XLSX or CSV files downloaded from the bank, with a header row (date, amount, description).',
  },
  statementEmpty: { vi: 'Tệp sao kê không có giao dịch nào.', en: 'The statement has no transactions.' },
  statementMode: { vi: 'Chế độ phải là preview (xem trước) hoặc import (ghi nhận).', en: 'The mode must be preview or import.' },
} as const satisfies Record<string, Record<Lang, string>>
export type StaffMessage = keyof typeof messages

export function staffMessage(lang: Lang, key: StaffMessage, vars: Record<string, string | number> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

/** A refusal to show staff (HTTP status + translated message). */
export class StaffError extends Error {
  override name = 'StaffError'
  constructor(
    readonly key: StaffMessage,
    readonly status: number,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(staffMessage('en', key, vars))
  }
}

/** Which events a user may work on: all, those in some areas, or none (null). */
export type Scope = { all: true } | { all: false; areas: Id[] }

export async function scopeOf(req: PayloadRequest): Promise<Scope | null> {
  if (checkRole(['admin'], req.user)) return { all: true }
  const areas = await coveredAreaIds(req)
  return areas.length ? { all: false, areas } : null
}

/** The events of a scope, as a `where` on events. */
export const eventsWhere = (scope: Scope): Where | undefined => (scope.all ? undefined : { area: { in: scope.areas } })

export function inScope(scope: Scope, areaId: Id | null): boolean {
  return scope.all || (areaId !== null && scope.areas.map(String).includes(String(areaId)))
}

/** The event, if the user may work on it; otherwise a StaffError (404 or 403). */
export async function scopedEvent(payload: Payload, req: PayloadRequest, eventId: Id, locale: Lang = 'vi'): Promise<Event> {
  const scope = await scopeOf(req)
  if (!scope) throw new StaffError('forbidden', 403)
  const event = await payload.findByID({ collection: 'events', id: asId(eventId), depth: 0, locale, disableErrors: true })
  if (!event) throw new StaffError('eventNotFound', 404)
  if (!inScope(scope, idOf(event.area))) throw new StaffError('forbidden', 403)
  return event
}

/** A registration and its event, if the user may work on that event. */
export async function scopedRegistration(payload: Payload, req: PayloadRequest, id: Id): Promise<{ registration: Registration; event: Event }> {
  const registration = await payload.findByID({ collection: 'registrations', id: asId(id), depth: 0, disableErrors: true })
  const eventId = idOf(registration?.event)
  if (!registration || eventId === null) throw new StaffError('registrationNotFound', 404)
  return { registration, event: await scopedEvent(payload, req, eventId) }
}

/** An endpoint for signed-in staff: refusals become JSON `{ error }` in the user's language. */
export function staffEndpoint(handler: (req: PayloadRequest) => Promise<Response>): PayloadHandler {
  return async (req) => {
    const lang = reqLang(req)
    if (!req.user || req.user.collection !== 'users') return Response.json({ error: staffMessage(lang, 'signIn') }, { status: 401 })
    try {
      return await handler(req)
    } catch (err) {
      if (err instanceof StaffError) return Response.json({ error: staffMessage(lang, err.key, err.vars) }, { status: err.status })
      throw err
    }
  }
}

/** The day (YYYY-MM-DD) it is now in Vietnam, where the events take place. */
export function vietnamDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The days of an event's sessions, in schedule order (session n is index n − 1). */
export function sessionDays(event: Pick<Event, 'sessions'>): string[] {
  return (event.sessions ?? []).map((s) => s.date.slice(0, 10))
}

/** dd/mm/yyyy HH:MM in Vietnam, as staff read a moment. */
export function displayMoment(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`
}

/** dd/mm/yyyy, as staff read dates. */
export function displayDay(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** An id from a URL or a form: digits become a number (SQL ids), other strings stay (MongoDB). */
export function parseId(value: unknown): Id | null {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  if (typeof value !== 'string' || !value.trim()) return null
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v)
  return /^[a-f0-9]{24}$/i.test(v) ? v : null
}
