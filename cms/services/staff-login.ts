/**
 * Staff login and password reset, protected without letting a stranger lock staff out.
 *
 * Payload's own lockout (5 wrong passwords lock an account for everyone) is off: anyone who
 * knows a staff member's email could keep them out of the admin. Instead, attempts are counted
 * (rate-limiter-flexible, limits in cms/limits.ts) and past a limit answered 429 with Retry-After:
 *
 * - per client address (failed logins to any account), so one machine cannot guess on and on;
 * - per account, for browsers that have never logged in to it, so many machines cannot either;
 * - per known device: a browser that has logged in to an account before holds a signed,
 *   HttpOnly cookie naming that account ("device cookie", OWASP's answer to lockout abuse). Its
 *   attempts at that account count only against its own counter, never against the two above:
 *   however hard a stranger tries from anywhere, the staff member's own browser still gets in.
 *
 * An attempt is counted before the password is checked and given back when the login succeeds,
 * so parallel guesses cannot slip past a limit. Nothing here depends on whether the email
 * belongs to an account: an unknown email gets the same answer, after the same password-hashing
 * work (`hashLikeAStoredPassword`). A forgotten-password request is answered at once, the same
 * for every address, and the work (token, email) is done afterwards, off the response path
 * (`resetPasswordLater`).
 *
 * Counters live in process memory (one server process per database, see the README) and are
 * shared by every copy of this module (Payload's REST routes and Next's GraphQL route).
 */
import { createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { LOGIN_LIMITS } from '../limits'
import { processWide, processWideEmitter } from './process-wide'

export type LoginAttempt = { email: string; address: string; device: string | null }

type Counter = 'address' | 'account' | 'device' | 'reset'
type Counters = {
  /** Counts one attempt: null when allowed, else the seconds until it is. */
  take(counter: Counter, key: string): Promise<number | null>
  reward(counter: Counter, key: string): Promise<void>
  forget(counter: Counter, key: string): Promise<void>
}

/**
 * Made once per process by whichever copy of this module comes first; the others use its
 * functions (and so its RateLimiterRes class: an `instanceof` against another copy's would fail).
 */
const counters = (): Counters =>
  processWide('staff-login-counters', () => {
    const limiter = (limit: keyof typeof LOGIN_LIMITS) =>
      new RateLimiterMemory({ points: LOGIN_LIMITS[limit].attempts, duration: LOGIN_LIMITS[limit].seconds, keyPrefix: `staff-${limit}` })
    const limiters: Record<Counter, RateLimiterMemory> = {
      address: limiter('perAddress'),
      account: limiter('perAccount'),
      device: limiter('perKnownDevice'),
      reset: limiter('resetPerAddress'),
    }
    return {
      async take(counter, key) {
        try {
          await limiters[counter].consume(key, 1)
          return null
        } catch (res) {
          if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
          throw res
        }
      },
      async reward(counter, key) {
        await limiters[counter].reward(key, 1)
      },
      async forget(counter, key) {
        await limiters[counter].delete(key)
      },
    }
  })

export const normaliseEmail = (email: unknown): string => (typeof email === 'string' ? email.trim().toLowerCase() : '')

/** Counts a login attempt before the password is checked: null to go on, or the seconds to wait. */
export async function takeLoginAttempt({ email, address, device }: LoginAttempt): Promise<number | null> {
  const { take } = counters()
  if (device) return take('device', device)
  return (await take('address', address)) ?? (await take('account', email))
}

/**
 * A login that succeeded gives its attempt back. The account's count of failures from unknown
 * browsers starts again (its owner just proved themselves); the address keeps the failures it
 * made, so one good account does not buy more guesses at others.
 */
export async function loginSucceeded({ email, address, device }: LoginAttempt): Promise<void> {
  const { reward, forget } = counters()
  if (device) {
    await reward('device', device)
    return
  }
  await reward('address', address)
  await forget('account', email)
}

/** Counts one forgotten-password request from `address`: null to go on, or the seconds to wait. */
export function takeResetRequest(address: string): Promise<number | null> {
  return counters().take('reset', address)
}

const resets = processWideEmitter('password-resets')

/**
 * Answers a forgotten-password request without waiting for it: the token and the email are made
 * after the answer has gone, by Payload's own operation (Local API), the same way for an email
 * with an account and one without, so neither the answer nor its timing says which it was. The
 * server runs the work once no answer is being sent (cms/services/background.ts), since a
 * database write here would hold up the answer still being written; without that server
 * listening, it runs on the next turn of the event loop.
 */
export function resetPasswordLater(payload: Payload, email: string): void {
  const work = () =>
    payload.forgotPassword({ collection: 'users', data: { email } }).then(
      () => undefined,
      (err: unknown) => payload.logger.error({ err, msg: 'forgot-password request failed' }),
    )
  if (resets.listenerCount('due') > 0) resets.emit('due', work)
  else setImmediate(() => void work())
}

/** The server's hook: `schedule` gets each password reset's work (it never rejects), to run when it sees fit. */
export function onPasswordResetDue(schedule: (work: () => Promise<void>) => void): () => void {
  resets.on('due', schedule)
  return () => resets.off('due', schedule)
}

// --- the same password-hashing work for an email without an account

/**
 * What Payload 3.90 does to check a password against a stored hash (generatePasswordSaltHash:
 * PBKDF2-SHA256, 600 000 rounds, 32 bytes). tests/int/staff-login.test.ts checks that Payload
 * still stores hashes of this kind.
 */
export const STORED_HASH = { prefix: 'pbkdf2-sha256-v1:', iterations: 600_000, keyLength: 32, digest: 'sha256' } as const
const DECOY_SALT = randomBytes(32).toString('hex')

export function hashLikeAStoredPassword(password: string): Promise<void> {
  return new Promise((resolve) => pbkdf2(password, DECOY_SALT, STORED_HASH.iterations, STORED_HASH.keyLength, STORED_HASH.digest, () => resolve()))
}

// --- known devices

const DEVICE_COOKIE_PREFIX = 'treem-device-'
const DEVICE_COOKIE_DAYS = 180
const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url')

/** The cookie name for one account: derived from the email, without revealing it. */
const deviceCookieName = (secret: string, email: string) => `${DEVICE_COOKIE_PREFIX}${mac(secret, `known-device-account:${email}`).slice(0, 16)}`
const deviceMac = (secret: string, name: string, device: string, issued: string) => mac(secret, `known-device:${name}:${device}:${issued}`)

function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/** The device id in this request's cookie for `email`'s account, when the cookie is genuine and current. */
export function knownDeviceOf(cookieHeader: string | null | undefined, email: string, secret: string, now = Date.now()): string | null {
  if (!email) return null
  const name = deviceCookieName(secret, email)
  const [device, issued, given] = (cookieValue(cookieHeader, name) ?? '').split('.')
  if (!device || !issued || !given || !/^[0-9a-z]{1,12}$/.test(issued)) return null
  const expected = Buffer.from(deviceMac(secret, name, device, issued))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  if (now - parseInt(issued, 36) > DEVICE_COOKIE_DAYS * 24 * 3600 * 1000) return null
  return device
}

/** The Set-Cookie value that marks this browser as one that logged in to `email`'s account (kept device id, new date). */
export function knownDeviceCookie(email: string, secret: string, { device, secure, now = Date.now() }: { device: string | null; secure: boolean; now?: number }): string {
  const name = deviceCookieName(secret, email)
  const id = device ?? randomBytes(12).toString('base64url')
  const issued = now.toString(36)
  const value = `${id}.${issued}.${deviceMac(secret, name, id, issued)}`
  return `${name}=${value}; Path=/api; Max-Age=${DEVICE_COOKIE_DAYS * 24 * 3600}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
}
