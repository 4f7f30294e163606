/**
 * Login and forgotten-password throttling on every way in (REST, GraphQL, the admin's own
 * pages, which use REST): the rules are in cms/services/staff-login.ts. The server's own
 * Local API calls (seed, tests, the password reset done off the response path) are not counted.
 */
import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { env } from '../../../env'
import { reqLang, t } from '../../../i18n/messages'
import { clientAddressOf } from '../../../services/client-address'
import {
  hashLikeAStoredPassword,
  knownDeviceCookie,
  knownDeviceOf,
  loginSucceeded,
  normaliseEmail,
  takeLoginAttempt,
  takeResetRequest,
  type LoginAttempt,
} from '../../../services/staff-login'

const ATTEMPT = 'staffLoginAttempt'

const addResponseHeader = (req: PayloadRequest, name: string, value: string) => {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.append(name, value)
}

/** 429 with Retry-After and a translated message. */
export function tooManyAttempts(req: PayloadRequest, seconds: number, what: 'login' | 'reset'): APIError {
  addResponseHeader(req, 'retry-after', String(seconds))
  return new APIError(t(reqLang(req), what === 'login' ? 'tooManyLogins' : 'tooManyResetRequests', { minutes: Math.ceil(seconds / 60) }), 429, null, true)
}

export const addressOf = (req: PayloadRequest) => clientAddressOf(req.headers) ?? 'unknown'

const attemptOf = (req: PayloadRequest): LoginAttempt | null => {
  const value: unknown = req.context[ATTEMPT]
  return value && typeof value === 'object' && 'email' in value && 'address' in value && 'device' in value ? (value as LoginAttempt) : null
}

export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  if (operation === 'forgotPassword') {
    // REST and GraphQL answer before this runs (endpoints.ts, graphql.ts); any other way in is still counted
    const wait = await takeResetRequest(addressOf(req))
    if (wait !== null) throw tooManyAttempts(req, wait, 'reset')
    return args
  }
  if (operation !== 'login') return args
  const data: unknown = args.data
  const email = normaliseEmail(data && typeof data === 'object' && 'email' in data ? data.email : undefined)
  const password = data && typeof data === 'object' && 'password' in data ? data.password : undefined
  const attempt: LoginAttempt = { email, address: addressOf(req), device: knownDeviceOf(req.headers.get('cookie'), email, env().secret) }
  const wait = await takeLoginAttempt(attempt)
  if (wait !== null) throw tooManyAttempts(req, wait, 'login')
  req.context[ATTEMPT] = attempt
  // No account with this email: do the hashing work Payload does for one, so the (same) answer takes as long.
  if (email && typeof password === 'string' && password.trim()) {
    const user = await req.payload.db.findOne({ collection: 'users', req, select: { id: true }, where: { email: { equals: email } } })
    if (!user) await hashLikeAStoredPassword(password)
  }
  return args
}

/** After a successful login: the attempt is given back, and this browser becomes a known device of the account. */
export const rememberDevice: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = attemptOf(req)
  if (!attempt) return user
  await loginSucceeded(attempt)
  const { secret, isProduction } = env()
  addResponseHeader(req, 'set-cookie', knownDeviceCookie(normaliseEmail(user.email), secret, { device: attempt.device, secure: isProduction }))
  return user
}
