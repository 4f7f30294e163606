/**
 * Guards in front of every public form, before anything is parsed or stored:
 *
 * - form token: each rendered form carries the time it was rendered, signed with the server
 *   secret together with what the form is for (which form, for which event): a token is good
 *   only for the form it was rendered in, so one taken from the sign-up form of event A is
 *   refused on event B and on any other form. A form sent back sooner than a person could fill
 *   it (FORM_MIN_SECONDS), or with a token that is forged, meant for another form or older than
 *   a day, is dropped.
 * - honeypot: a field people never see; a form that fills it in was filled by a robot.
 * - rate limit: at most FORM rate per minute per client address (rate-limiter-flexible).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export const HONEYPOT_FIELD = 'website'
export const FORM_TOKEN_FIELD = 'formToken'
const MAX_FORM_AGE_MS = 24 * 3600 * 1000

/** What a form token is good for: one form (e.g. `signup`) for one thing (e.g. the event's id). */
export type FormBinding = { form: string; scope: string }

/** The public sign-up form of one event. */
export const signUpFormOf = (eventId: string | number | undefined): FormBinding => ({ form: 'signup', scope: String(eventId ?? '') })

/** The public pledge form of one gift drive. */
export const pledgeFormOf = (driveId: string | number | undefined): FormBinding => ({ form: 'pledge', scope: String(driveId ?? '') })

/** The public entry form of one drawing contest. */
export const entryFormOf = (contestId: string | number | undefined): FormBinding => ({ form: 'entry', scope: String(contestId ?? '') })

const sign = (secret: string, { form, scope }: FormBinding, at: string) =>
  createHmac('sha256', secret).update(`form:${form.length}:${form}:${scope.length}:${scope}:${at}`).digest('base64url')

export function issueFormToken(secret: string, binding: FormBinding, now = new Date()): string {
  const at = now.getTime().toString(36)
  return `${at}.${sign(secret, binding, at)}`
}

export type FormTokenProblem = 'invalid-form' | 'too-fast' | 'form-expired'

export function checkFormToken(secret: string, token: unknown, binding: FormBinding, minSeconds: number, now = new Date()): FormTokenProblem | null {
  if (typeof token !== 'string') return 'invalid-form'
  const [at, mac] = token.split('.')
  if (!at || !mac || !/^[0-9a-z]{1,12}$/.test(at)) return 'invalid-form'
  const expected = Buffer.from(sign(secret, binding, at))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid-form'
  const age = now.getTime() - parseInt(at, 36)
  if (age > MAX_FORM_AGE_MS) return 'form-expired'
  if (age < minSeconds * 1000) return 'too-fast'
  return null
}

/** True when the hidden honeypot field came back filled in. */
export function honeypotFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}

const limiters = new Map<number, RateLimiterMemory>()

/**
 * Counts one submission from `address`. Returns null when allowed, or the seconds to wait.
 * One limiter per configured rate, shared by every public form in this process.
 */
export async function takeFormAllowance(address: string, perMinute: number): Promise<number | null> {
  let limiter = limiters.get(perMinute)
  if (!limiter) {
    limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'public-form' })
    limiters.set(perMinute, limiter)
  }
  try {
    await limiter.consume(address || 'unknown', 1)
    return null
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
    throw res
  }
}
