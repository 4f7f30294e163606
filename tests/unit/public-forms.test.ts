/** The guards in front of public forms, the class-list reader and the form decoder: pure functions. */
import { describe, expect, it } from 'vitest'
import { ZSignUp } from '../../cms/schemas/signup'
import { checkFormToken, honeypotFilled, issueFormToken, signUpFormOf, takeFormAllowance } from '../../cms/services/form-guard'
import { normaliseDate, parseClassList } from '../../site/lib/class-list'
import { readSignUpForm, toSignUpInput } from '../../site/lib/signup-form'
import { quickCheck, type FormValues } from '../../site/lib/signup-values'

const SECRET = 'unit-test-secret-0123456789abcdefghijkl'

describe('form token', () => {
  const renderedAt = new Date('2026-06-01T08:00:00Z')
  const eventA = signUpFormOf(7)
  const token = issueFormToken(SECRET, eventA, renderedAt)
  const after = (seconds: number) => new Date(renderedAt.getTime() + seconds * 1000)

  it('drops a form sent back sooner than a person could fill it', () => {
    expect(checkFormToken(SECRET, token, eventA, 3, after(1))).toBe('too-fast')
    expect(checkFormToken(SECRET, token, eventA, 3, after(4))).toBeNull()
  })
  it('drops forged, missing and day-old tokens', () => {
    expect(checkFormToken('another-secret-0123456789abcdefghijklmn', token, eventA, 3, after(10))).toBe('invalid-form')
    expect(checkFormToken(SECRET, `${token.split('.')[0]}.AAAA`, eventA, 3, after(10))).toBe('invalid-form')
    expect(checkFormToken(SECRET, undefined, eventA, 3, after(10))).toBe('invalid-form')
    expect(checkFormToken(SECRET, token, eventA, 3, after(25 * 3600))).toBe('form-expired')
  })
  it('is good only for the form and the event it was rendered for', () => {
    expect(checkFormToken(SECRET, token, signUpFormOf('7'), 3, after(10))).toBeNull()
    expect(checkFormToken(SECRET, token, signUpFormOf(8), 3, after(10))).toBe('invalid-form')
    expect(checkFormToken(SECRET, token, signUpFormOf(undefined), 3, after(10))).toBe('invalid-form')
    expect(checkFormToken(SECRET, token, { form: 'pledge', scope: '7' }, 3, after(10))).toBe('invalid-form')
    // the parts cannot be shifted into one another
    const odd = issueFormToken(SECRET, { form: 'signup:7', scope: '' }, renderedAt)
    expect(checkFormToken(SECRET, odd, { form: 'signup', scope: '7:' }, 3, after(10))).toBe('invalid-form')
  })
  it('sees a filled honeypot', () => {
    expect(honeypotFilled('http://spam.example')).toBe(true)
    expect(honeypotFilled('  ')).toBe(false)
    expect(honeypotFilled(null)).toBe(false)
  })
  it('allows a set number of submissions per minute per address, then says how long to wait', async () => {
    const address = `10.0.0.${Math.floor(Math.random() * 250)}-${Date.now()}`
    const results = []
    for (let i = 0; i < 4; i++) results.push(await takeFormAllowance(address, 3))
    expect(results.slice(0, 3)).toEqual([null, null, null])
    expect(results[3]).toBeGreaterThan(0)
    expect(await takeFormAllowance(`${address}-other`, 3)).toBeNull()
  })
})

describe('class list', () => {
  it('reads a Vietnamese header in any order, Vietnamese dates and semicolons', () => {
    const list = parseClassList('Ngày sinh;Tên;Họ;Lớp\n04/05/2017;Mai;Trần Thị;4A\n2016-12-01;Hùng;Nguyễn Văn;4A\n')
    expect(list.problems).toEqual([])
    expect(list.rows).toEqual([
      { familyName: 'Trần Thị', givenName: 'Mai', birthDate: '2017-05-04', grade: '4A' },
      { familyName: 'Nguyễn Văn', givenName: 'Hùng', birthDate: '2016-12-01', grade: '4A' },
    ])
  })
  it('reads rows without a header, and a single full-name column', () => {
    expect(parseClassList('Lê,Bình,1/2/2018,1B').rows).toEqual([{ familyName: 'Lê', givenName: 'Bình', birthDate: '2018-02-01', grade: '1B' }])
    expect(parseClassList('Họ và tên,Ngày sinh\nPhạm Thị Thu Hà,03/03/2015').rows).toEqual([{ familyName: 'Phạm Thị Thu', givenName: 'Hà', birthDate: '2015-03-03' }])
  })
  it('reports lines without a name or a birth date instead of guessing', () => {
    const list = parseClassList('Họ,Tên,Ngày sinh\nTrần,An,\n,,\nVõ,Cường,02/02/2016')
    expect(list.rows.map((r) => r.givenName)).toEqual(['Cường'])
    expect(list.problems).toEqual([{ line: 2, text: 'Trần, An, ' }])
  })
  it('maps priority groups written in words', () => {
    expect(parseClassList('Họ,Tên,Ngày sinh,Lớp,Ưu tiên\nĐỗ,Duy,02/02/2016,3C,Hộ nghèo').rows[0]?.priorityGroup).toBe('poor')
  })
  it('normalises dates it understands and leaves the rest to the schema', () => {
    expect(normaliseDate('9.6.2017')).toBe('2017-06-09')
    expect(normaliseDate('June 9')).toBe('June 9')
  })
})

describe('sign-up form decoding', () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData()
    for (const [k, v] of entries) f.append(k, v)
    return f
  }
  const base: [string, string][] = [
    ['eventId', '7'],
    ['idempotencyKey', 'abcdefghijklmnop1234'],
    ['guardian.name', 'Trần Văn An'],
    ['guardian.relationship', 'father'],
    ['guardian.phone', '0912 345 678'],
    ['guardianConsent', 'on'],
  ]

  it('ignores blank rows, adds the class list after the typed rows, and drops fields the public may not set', async () => {
    const { values } = await readSignUpForm(
      form([
        ...base,
        ['children.0.familyName', 'Trần Thị'],
        ['children.0.givenName', 'Mai'],
        ['children.0.birthDate', '2017-05-04'],
        ['children.0.status', 'confirmed'],
        ['children.1.familyName', ''],
        ['children.1.givenName', ''],
        ['seat', '1'],
        ['classList', 'Nguyễn,Hùng,12/03/2016,4A'],
      ]),
    )
    const parsed = ZSignUp.parse(toSignUpInput(values))
    expect(parsed.children.map((c) => c.givenName)).toEqual(['Mai', 'Hùng'])
    expect(parsed.guardian.phone).toBe('+84912345678')
    expect(JSON.stringify(parsed)).not.toMatch(/status|seat/)
  })

  it('applies a school name, the commune and the teacher\'s assent note to every child of a class', async () => {
    const { values } = await readSignUpForm(
      form([...base, ['submittedBy', 'school'], ['schoolName', 'Trường Tiểu học Tân An'], ['childArea', '12'], ['assentAll', 'on'], ['classList', 'Lê,Bình,1/2/2016,4B\nVõ,Cường,2/2/2016,4B']]),
    )
    const parsed = ZSignUp.parse(toSignUpInput(values))
    expect(parsed.submittedBy).toBe('school')
    expect(parsed.guardian.relationship).toBe('teacher')
    expect(parsed.children.map((c) => [c.school, c.area, c.assent])).toEqual([
      ['Trường Tiểu học Tân An', 12, true],
      ['Trường Tiểu học Tân An', 12, true],
    ])
  })
})

describe("the island's light check before sending", () => {
  const good: FormValues = {
    eventId: '7',
    idempotencyKey: 'abcdefghijklmnop1234',
    guardian: { name: 'Trần Văn An', relationship: 'father', phone: '0912 345 678', email: '' },
    guardianConsent: 'on',
    children: [
      { familyName: 'Trần', givenName: 'Mai', birthDate: '2016-03-04', assent: 'on' },
      { familyName: '', givenName: '', birthDate: '' },
    ],
  }
  const withGuardian = (g: Record<string, string>): FormValues => ({ ...good, guardian: { ...good.guardian, ...g } })
  const cases: [string, FormValues, Record<string, string>][] = [
    ['a complete form', good, {}],
    ['no name, no relationship', withGuardian({ name: ' ', relationship: '' }), { 'guardian.name': 'required', 'guardian.relationship': 'required' }],
    ['no way to reach the family', withGuardian({ phone: '', email: '' }), { 'guardian.phone': 'contact-required' }],
    ['a phone number too short', withGuardian({ phone: '12345' }), { 'guardian.phone': 'invalid-phone' }],
    ['letters in the phone number', withGuardian({ phone: '0912 ABC 678' }), { 'guardian.phone': 'invalid-phone' }],
    ['an email address without @', withGuardian({ phone: '', email: 'me.example.vn' }), { 'guardian.email': 'invalid-email' }],
    ['no consent', { ...good, guardianConsent: '' }, { guardianConsent: 'consent-required' }],
    ['only blank rows', { ...good, children: [{ familyName: '', givenName: '' }] }, { children: 'no-children' }],
    ['a row half filled (rows as on screen)', { ...good, children: [{ familyName: '', givenName: '' }, { familyName: 'Lê', givenName: 'Bình' }] }, { 'children.1.birthDate': 'required' }],
  ]
  it.each(cases)('%s', (_, values, problems) => {
    expect(quickCheck(values)).toEqual(problems)
  })
  it('is looser than the schema, never stricter: what it refuses, the server refuses too', () => {
    expect(ZSignUp.safeParse(toSignUpInput({ ...good, children: good.children.slice(0, 1) })).success).toBe(true)
    for (const [name, values, problems] of cases) {
      const filled = { ...values, children: values.children.filter((c) => c.familyName || c.givenName || c.birthDate) }
      const server = ZSignUp.safeParse(toSignUpInput(filled))
      if (Object.keys(problems).length) expect(server.success, name).toBe(false)
    }
    // numbers the light check lets through are judged by the server (libphonenumber-js)
    expect(quickCheck(withGuardian({ phone: '0123 456 789' }))).toEqual({})
    expect(ZSignUp.safeParse(toSignUpInput(withGuardian({ phone: '0123 456 789' }))).success).toBe(false)
  })
})
