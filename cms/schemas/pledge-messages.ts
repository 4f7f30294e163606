/**
 * The pledge form's messages, by key, in both languages: the schema (./pledge.ts) and the pledge
 * service report keys, and whoever shows them translates here. The field messages shared with
 * the sign-up form come from there; kept apart from the schema so a page can show them without
 * loading zod.
 */
import { SIGNUP_MESSAGES } from './signup-messages'

export const PLEDGE_MESSAGES = {
  required: SIGNUP_MESSAGES.required,
  'too-long': SIGNUP_MESSAGES['too-long'],
  'invalid-characters': SIGNUP_MESSAGES['invalid-characters'],
  'invalid-phone': SIGNUP_MESSAGES['invalid-phone'],
  'invalid-email': SIGNUP_MESSAGES['invalid-email'],
  'invalid-form': SIGNUP_MESSAGES['invalid-form'],
  'contact-required': { vi: 'Cần số điện thoại hoặc thư điện tử để Quỹ liên hệ và gửi biên nhận.', en: 'A phone number or an email address is needed, so the fund can reach you and send a receipt.' },
  'amount-not-number': { vi: 'Số tiền chỉ gồm chữ số, ví dụ 500.000.', en: 'The amount must be digits only, for example 500,000.' },
  'amount-fractional': { vi: 'Số tiền phải là số đồng chẵn (không có phần lẻ).', en: 'The amount must be a whole number of đồng (no decimals).' },
  'amount-not-positive': { vi: 'Số tiền phải lớn hơn 0.', en: 'The amount must be more than zero.' },
  'amount-too-small': { vi: 'Số tiền tối thiểu là 1.000 ₫.', en: 'The smallest amount is 1,000 ₫.' },
  'amount-too-large': { vi: 'Số tiền tối đa cho một lần ủng hộ là 10.000.000.000 ₫; xin liên hệ Quỹ với khoản lớn hơn.', en: 'At most 10,000,000,000 ₫ per pledge; please contact the fund for a larger gift.' },
  'quantity-invalid': { vi: 'Số lượng phải là số nguyên dương, ví dụ 2.', en: 'The quantity must be a whole number above zero, for example 2.' },
  'quantity-too-large': { vi: 'Số lượng quá lớn (tối đa 100.000).', en: 'This quantity is too large (at most 100,000).' },
  'item-twice': { vi: 'Mỗi hiện vật chỉ ghi một lần.', en: 'Each item may be listed once.' },
  'unknown-item': { vi: 'Hiện vật này không có trong đợt vận động.', en: 'This item is not part of the drive.' },
  'nothing-pledged': { vi: 'Hãy nhập số tiền hoặc số lượng hiện vật muốn ủng hộ.', en: 'Please enter an amount or a quantity of items to give.' },
} as const satisfies Record<string, { vi: string; en: string }>

export type PledgeMessageKey = keyof typeof PLEDGE_MESSAGES
