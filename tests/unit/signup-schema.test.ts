import { describe, expect, it } from 'vitest'
import { signUpErrors, ZSignUp } from '../../cms/schemas/signup'

const valid = {
  eventId: '12',
  idempotencyKey: 'k_0123456789abcdef',
  submittedBy: 'guardian',
  guardian: { name: 'Trần Văn An', relationship: 'father', phone: '0912 345 678', email: '' },
  guardianConsent: 'on',
  children: [{ familyName: 'Trần Thị', givenName: 'Mai', birthDate: '2017-03-04', assent: 'on', photoConsent: '' }],
}

describe('sign-up schema', () => {
  it('accepts a parent form as the browser sends it, normalising the phone number', () => {
    const parsed = ZSignUp.parse(valid)
    expect(parsed.eventId).toBe(12)
    expect(parsed.guardian).toEqual({ name: 'Trần Văn An', relationship: 'father', phone: '+84912345678', email: undefined })
    expect(parsed.guardianConsent).toBe(true)
    expect(parsed.children[0]).toMatchObject({ assent: true, photoConsent: false })
  })

  it('drops fields the public may not set (status, seat, position)', () => {
    const parsed = ZSignUp.parse({ ...valid, status: 'confirmed', seat: 1, children: [{ ...valid.children[0], status: 'confirmed', position: 1 }] })
    expect(parsed).not.toHaveProperty('status')
    expect(parsed).not.toHaveProperty('seat')
    expect(parsed.children[0]).not.toHaveProperty('status')
    expect(parsed.children[0]).not.toHaveProperty('position')
  })

  it.each([
    ['a bad phone number', { guardian: { ...valid.guardian, phone: '12345' } }, 'guardian.phone', 'Số điện thoại không hợp lệ.'],
    ['no way to reach the guardian', { guardian: { ...valid.guardian, phone: '' } }, 'guardian.phone', 'Cần số điện thoại hoặc thư điện tử để liên hệ.'],
    ['a bad email', { guardian: { ...valid.guardian, email: 'a@b' } }, 'guardian.email', 'Địa chỉ thư điện tử không hợp lệ.'],
    ['a line break in an email', { guardian: { ...valid.guardian, email: 'a@b.vn\r\nBcc: x@y.vn' } }, 'guardian.email', 'Địa chỉ thư điện tử không hợp lệ.'],
    ['a line break in a name', { guardian: { ...valid.guardian, name: 'An\r\nBcc: x@y.vn' } }, 'guardian.name', 'Có ký tự không hợp lệ (xuống dòng hoặc < >).'],
    ['no guardian consent', { guardianConsent: '' }, 'guardianConsent', 'Cần sự đồng ý của cha mẹ hoặc người giám hộ.'],
    ['no child', { children: [] }, 'children', 'Hãy thêm ít nhất một trẻ.'],
    ['an adult', { children: [{ ...valid.children[0], birthDate: '1990-01-01' }] }, 'children.0.birthDate', 'Ngày sinh phải của trẻ dưới 18 tuổi.'],
  ])('refuses %s with a translated message', (_label, change, path, message) => {
    const result = ZSignUp.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    if (!result.success) expect(signUpErrors(result.error, 'vi')[path]).toBe(message)
  })

  it('speaks English too', () => {
    const result = ZSignUp.safeParse({ ...valid, guardian: { ...valid.guardian, phone: 'abc' } })
    expect(result.success).toBe(false)
    if (!result.success) expect(signUpErrors(result.error, 'en')['guardian.phone']).toBe('This phone number is not valid.')
  })
})
