/** The staff login throttle's counters and the known-device cookie: pure functions on process memory. */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LOGIN_LIMITS } from '../../cms/limits'
import { knownDeviceCookie, knownDeviceOf, loginSucceeded, takeLoginAttempt, takeResetRequest } from '../../cms/services/staff-login'

const SECRET = 'unit-test-secret-0123456789abcdefghijkl'
const fresh = (what: string) => `${what}-${randomBytes(4).toString('hex')}`
const cookieOf = (setCookie: string) => setCookie.split(';')[0] ?? ''

describe('known-device cookie', () => {
  const email = 'dieu.phoi@demo.treem.vn'
  const setCookie = knownDeviceCookie(email, SECRET, { device: null, secure: true, now: Date.UTC(2026, 5, 1) })

  it('is HttpOnly, SameSite=Strict, Secure when asked, sent to /api only, and does not show the email', () => {
    expect(setCookie).toMatch(/^treem-device-[\w-]{16}=[\w-]+\.[0-9a-z]+\.[\w-]+; Path=\/api; Max-Age=15552000; HttpOnly; SameSite=Strict; Secure$/)
    expect(setCookie).not.toContain('dieu')
    expect(knownDeviceCookie(email, SECRET, { device: null, secure: false })).not.toContain('Secure')
  })

  it('names the device for that account only, while genuine and younger than 180 days', () => {
    const cookie = `other=1; ${cookieOf(setCookie)}`
    const device = knownDeviceOf(cookie, email, SECRET, Date.UTC(2026, 6, 1))
    expect(device).toMatch(/^[\w-]{16}$/)
    expect(knownDeviceOf(cookie, 'ke.la@example.vn', SECRET, Date.UTC(2026, 6, 1))).toBeNull()
    expect(knownDeviceOf(cookie, email, 'another-secret-0123456789abcdefghijklmn', Date.UTC(2026, 6, 1))).toBeNull()
    expect(knownDeviceOf(cookie.replace(/\.[\w-]+$/, '.AAAA'), email, SECRET, Date.UTC(2026, 6, 1))).toBeNull()
    expect(knownDeviceOf(cookie, email, SECRET, Date.UTC(2027, 0, 1))).toBeNull()
    // renewed on the next login with the same device id
    const renewed = knownDeviceCookie(email, SECRET, { device, secure: true, now: Date.UTC(2026, 6, 1) })
    expect(knownDeviceOf(cookieOf(renewed), email, SECRET, Date.UTC(2026, 11, 1))).toBe(device)
  })
})

describe('login throttle', () => {
  const { perAddress, perAccount, perKnownDevice } = LOGIN_LIMITS

  it(`answers the attempt after ${perAddress.attempts} from one address with a wait, and gives back the attempts that succeeded`, async () => {
    const address = fresh('198.51.100')
    const results = []
    for (let i = 0; i <= perAddress.attempts; i++) results.push(await takeLoginAttempt({ email: fresh('a'), address, device: null }))
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true)
    expect(results.at(-1)).toBeGreaterThan(perAddress.seconds - 60)

    const other = fresh('198.51.100')
    for (let i = 0; i < perAddress.attempts * 3; i++) {
      const attempt = { email: fresh('b'), address: other, device: null }
      expect(await takeLoginAttempt(attempt)).toBeNull()
      await loginSucceeded(attempt)
    }
  })

  it(`holds an account after ${perAccount.attempts} failures from anywhere, except for its known devices`, async () => {
    const email = fresh('nhan.vien')
    for (let i = 0; i < perAccount.attempts; i++) expect(await takeLoginAttempt({ email, address: fresh('203.0.113'), device: null })).toBeNull()
    expect(await takeLoginAttempt({ email, address: fresh('203.0.113'), device: null })).toBeGreaterThan(0)
    const device = fresh('device')
    expect(await takeLoginAttempt({ email, address: fresh('203.0.113'), device })).toBeNull()
    // a known device has a count of its own
    for (let i = 1; i < perKnownDevice.attempts; i++) expect(await takeLoginAttempt({ email, address: 'x', device })).toBeNull()
    expect(await takeLoginAttempt({ email, address: 'x', device })).toBeGreaterThan(0)
  })

  it('counts forgotten-password requests per address', async () => {
    const address = fresh('192.0.2')
    const results = []
    for (let i = 0; i <= LOGIN_LIMITS.resetPerAddress.attempts; i++) results.push(await takeResetRequest(address))
    expect(results.filter((r) => r === null)).toHaveLength(LOGIN_LIMITS.resetPerAddress.attempts)
    expect(results.at(-1)).toBeGreaterThan(0)
  })
})
