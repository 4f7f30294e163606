/**
 * Server-side messages shown to staff and the public, in Vietnamese (default) and English.
 * `t(lang, key, vars)` picks the user's language; unknown languages fall back to Vietnamese.
 */
export const LANGS = ['vi', 'en'] as const
export type Lang = (typeof LANGS)[number]

const messages = {
  driveNeedsTarget: { vi: 'Cần mục tiêu tiền hoặc ít nhất một hiện vật.', en: 'A money target or at least one item is needed.' },
  driveEndsBeforeStart: { vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end must come after the start.' },
  imageTooLarge: {
    vi: 'Ảnh quá lớn: {pixels} megapixel. Giới hạn là {max} megapixel, hãy thu nhỏ ảnh rồi tải lên lại.',
    en: 'The image is too large: {pixels} megapixels. The limit is {max} megapixels; please resize it and upload again.',
  },
  animationTooLarge: {
    vi: 'Ảnh động quá lớn: {frames} khung hình, tổng cộng {pixels} megapixel. Giới hạn là {max} megapixel cho mọi khung hình cộng lại; hãy bớt khung hình hoặc thu nhỏ ảnh.',
    en: 'The animated image is too large: {frames} frames, {pixels} megapixels in all. The limit is {max} megapixels for all frames together; please use fewer frames or a smaller size.',
  },
  imageUnreadable: {
    vi: 'Không đọc được tệp ảnh. Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
    en: 'The image could not be read. Only JPEG, PNG or WebP images are accepted.',
  },
  fileTooLarge: {
    vi: 'Tệp quá lớn: tối đa {max}.',
    en: 'The file is too large: {max} at most.',
  },
  requestTooLarge: {
    vi: 'Nội dung gửi quá lớn: tối đa {max}.',
    en: 'What was sent is too large: {max} at most.',
  },
  tooManyLogins: {
    vi: 'Quá nhiều lần đăng nhập không thành công. Hãy thử lại sau {minutes} phút.',
    en: 'Too many failed logins. Please try again in {minutes} minutes.',
  },
  tooManyResetRequests: {
    vi: 'Quá nhiều yêu cầu đặt lại mật khẩu. Hãy thử lại sau {minutes} phút.',
    en: 'Too many password reset requests. Please try again in {minutes} minutes.',
  },
  campaignEndsBeforeStart: {
    vi: 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.',
    en: 'The end date must be on or after the start date.',
  },
  campaignUnknownIndicator: {
    vi: 'Kết quả "{indicator}" không khớp với chỉ tiêu nào của chiến dịch.',
    en: 'The result "{indicator}" does not match any target of the campaign.',
  },
  campaignDuplicateIndicator: {
    vi: 'Chỉ tiêu "{indicator}" bị lặp lại.',
    en: 'The target "{indicator}" is listed twice.',
  },
  slugInvalid: {
    vi: 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.',
    en: 'The slug may contain only lowercase letters without accents, digits and hyphens.',
  },
  areaParentRequired: {
    vi: 'Xã/phường phải thuộc một tỉnh/thành phố.',
    en: 'A commune must belong to a province.',
  },
  areaParentMustBeProvince: {
    vi: 'Đơn vị cấp trên phải là tỉnh/thành phố.',
    en: 'The parent area must be a province.',
  },
  reservedWithoutGroups: {
    vi: 'Có chỗ dành riêng thì phải chọn nhóm ưu tiên được nhận các chỗ đó (mục Điều kiện tham gia).',
    en: 'Seats held back need the priority groups they are held for (under Eligibility).',
  },
  reservedOverCapacity: {
    vi: 'Số chỗ dành riêng ({reserved}) không được nhiều hơn số chỗ ({capacity}).',
    en: 'The seats held back ({reserved}) cannot be more than the seats ({capacity}).',
  },
  seatsBelowTaken: {
    vi: 'Không thể giảm còn {capacity} chỗ ({kind}): đã có {taken} trẻ giữ chỗ. Hãy huỷ bớt đăng ký trước.',
    en: 'Cannot lower to {capacity} seats ({kind}): {taken} children hold seats. Cancel registrations first.',
  },
  eventOutsideAreas: {
    vi: 'Bạn chỉ tạo và đăng sự kiện ở các xã, phường mình phụ trách.',
    en: 'You create and publish events only in the communes you cover.',
  },
  seatKindOpen: { vi: 'chỗ thường', en: 'open seats' },
  seatKindReserved: { vi: 'chỗ dành riêng', en: 'reserved seats' },
  // Aid recipients and hand-overs (cms/services/aid-recipients.ts, cms/services/hand-overs.ts)
  recipientOutsideAreas: {
    vi: 'Bạn chỉ ghi danh sách trẻ và bàn giao quà ở các xã, phường mình phụ trách.',
    en: 'You keep aid lists and record hand-overs only in the communes you cover.',
  },
  recipientAreaNotCommune: { vi: 'Trẻ phải thuộc một xã / phường, không phải một tỉnh.', en: 'A child belongs to a commune, not to a province.' },
  recipientDuplicate: {
    vi: 'Trẻ này đã có trong danh sách của xã (cùng họ tên và năm sinh).',
    en: 'This child is already on the commune’s list (same name and birth year).',
  },
  recipientBirthYear: { vi: 'Năm sinh phải từ {min} đến {max}.', en: 'The birth year must be between {min} and {max}.' },
  recipientNotFound: { vi: 'Không tìm thấy trẻ trong danh sách nhận hỗ trợ.', en: 'The child was not found on the aid list.' },
  handOverDriveNotFound: { vi: 'Không tìm thấy đợt vận động.', en: 'The gift drive was not found.' },
  handOverItemNotInDrive: {
    vi: 'Hiện vật "{item}" không thuộc đợt vận động này.',
    en: 'The item "{item}" is not one of this drive’s items.',
  },
  handOverQuantity: { vi: 'Số lượng phải là số nguyên từ 1 trở lên.', en: 'The quantity must be a whole number of at least 1.' },
  handOverForbidden: { vi: 'Chỉ quản trị viên và điều phối viên của xã được xem và ghi bàn giao.', en: 'Only admins and the commune’s coordinators see and record hand-overs.' },
  importCommuneRequired: { vi: 'Hãy chọn xã / phường của danh sách.', en: 'Choose the commune the list belongs to.' },
  importEmpty: { vi: 'Không có dòng nào để nhập: hãy dán danh sách hoặc chọn tệp CSV / XLSX.', en: 'Nothing to import: paste the list or choose a CSV / XLSX file.' },
  importUnreadable: { vi: 'Không đọc được tệp: chỉ nhận CSV hoặc Excel (.xlsx).', en: 'The file could not be read: only CSV or Excel (.xlsx) is accepted.' },
  importTooManyRows: { vi: 'Danh sách quá dài: tối đa {max} dòng mỗi lần.', en: 'The list is too long: {max} rows at most at a time.' },
  importBadMode: { vi: 'Chế độ phải là preview (xem trước) hoặc import (nhập).', en: 'The mode must be preview or import.' },
  importRowNoName: { vi: 'Dòng {line}: thiếu tên của trẻ.', en: 'Line {line}: the child’s given name is missing.' },
  importRowNoBirth: { vi: 'Dòng {line}: thiếu năm sinh hoặc ngày sinh.', en: 'Line {line}: the birth year or date is missing.' },
  importRowBadBirth: {
    vi: 'Dòng {line}: "{value}" không phải năm sinh (ví dụ 2015) hoặc ngày sinh (31/12/2015) hợp lệ.',
    en: 'Line {line}: "{value}" is not a valid birth year (e.g. 2015) or birth date (31/12/2015).',
  },
  importRowBadGroup: {
    vi: 'Dòng {line}: không rõ nhóm hoàn cảnh "{value}" (hộ nghèo, cận nghèo, hoàn cảnh đặc biệt, khuyết tật).',
    en: 'Line {line}: unknown group "{value}" (poor, near-poor, special circumstances, disability).',
  },
  importRowBadPhone: { vi: 'Dòng {line}: số điện thoại "{value}" không hợp lệ.', en: 'Line {line}: the phone number "{value}" is not valid.' },
  importRowDuplicate: { vi: 'Dòng {line}: đã có trong danh sách của xã, không tạo lại.', en: 'Line {line}: already on the commune’s list, not created again.' },
  importRowRepeated: { vi: 'Dòng {line}: trùng với dòng {first} của tệp, không tạo lại.', en: 'Line {line}: the same child as line {first} of the file, not created again.' },
} as const satisfies Record<string, Record<Lang, string>>

export type MessageKey = keyof typeof messages

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export function t(lang: string | undefined, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template: string = messages[key][isLang(lang) ? lang : 'vi']
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

/** The language of a Payload request: the admin's chosen language, else Vietnamese. */
export function reqLang(req: { i18n?: { language?: string } | null; locale?: string | null }): Lang {
  const lang = req.i18n?.language ?? req.locale ?? 'vi'
  return isLang(lang) ? lang : 'vi'
}
