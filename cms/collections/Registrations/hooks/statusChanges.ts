import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { reqLang } from '../../../i18n/messages'
import { STAFF_SETTABLE_STATUSES } from '../../../services/registrations'

const MESSAGE = {
  vi: 'Chỉ có thể đặt trạng thái Đã tham gia hoặc Vắng mặt ở đây. Để huỷ, dùng nút "Huỷ đăng ký"; chỗ ngồi và danh sách chờ do hệ thống sắp xếp.',
  en: 'Only Attended or No-show can be set here. To cancel, use the "Cancel registration" button; seats and the waitlist are assigned by the system.',
}

/**
 * Seats and the waitlist are the sign-up service's business: staff record attendance by hand,
 * cancel through the cancel action (which frees the seat and moves the waitlist up), and never
 * hand out a seat by typing a status.
 */
export const guardStaffStatus: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !req.user || data.status === undefined || data.status === originalDoc?.status) return data
  if (!(STAFF_SETTABLE_STATUSES as readonly string[]).includes(String(data.status))) {
    throw new APIError(MESSAGE[reqLang(req)], 400, undefined, true)
  }
  return data
}
