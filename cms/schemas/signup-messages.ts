/**
 * The sign-up form's messages, by key, in both languages: the schema (./signup.ts) reports keys,
 * and whoever shows them translates here. Kept apart from the schema so the browser can show
 * them without loading zod or libphonenumber-js.
 */
export const SIGNUP_MESSAGES = {
  required: { vi: 'Vui lòng điền mục này.', en: 'Please fill this in.' },
  'too-long': { vi: 'Nội dung quá dài.', en: 'This is too long.' },
  'invalid-characters': { vi: 'Có ký tự không hợp lệ (xuống dòng hoặc < >).', en: 'This contains characters that are not allowed (line breaks or < >).' },
  'invalid-phone': { vi: 'Số điện thoại không hợp lệ.', en: 'This phone number is not valid.' },
  'invalid-email': { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'This email address is not valid.' },
  'contact-required': { vi: 'Cần số điện thoại hoặc thư điện tử để liên hệ.', en: 'A phone number or an email address is needed.' },
  'invalid-date': { vi: 'Ngày không hợp lệ.', en: 'This date is not valid.' },
  'birth-date-out-of-range': { vi: 'Ngày sinh phải của trẻ dưới 18 tuổi.', en: 'The birth date must be that of a child under 18.' },
  'consent-required': { vi: 'Cần sự đồng ý của cha mẹ hoặc người giám hộ.', en: "A parent's or guardian's consent is required." },
  'no-children': { vi: 'Hãy thêm ít nhất một trẻ.', en: 'Please add at least one child.' },
  'too-many-children': { vi: 'Tối đa 60 trẻ mỗi lần đăng ký.', en: 'At most 60 children per sign-up.' },
  'invalid-form': { vi: 'Biểu mẫu không hợp lệ, vui lòng tải lại trang.', en: 'The form is not valid; please reload the page.' },
} as const satisfies Record<string, { vi: string; en: string }>

export type SignUpMessageKey = keyof typeof SIGNUP_MESSAGES
