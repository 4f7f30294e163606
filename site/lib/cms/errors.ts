/**
 * Telling "the database cannot be reached" apart from a bug: the first gets the friendly 503
 * page (with hotline 111) and a retry, the second a 500 and a log entry.
 */
import { causeChain } from '../../../cms/services/errors'

export class CmsUnavailableError extends Error {
  override name = 'CmsUnavailableError'
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // postgres: admin shutdown
  '57P02',
  '57P03', // cannot connect now
  '55000', // database is not accepting connections
  '3D000', // database does not exist
  '08000',
  '08001',
  '08003',
  '08006',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_IOERR',
])

const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connect ECONNREFUSED/i,
  /server selection/i,
  /topology (was )?(closed|destroyed)/i,
  /cannot use a pool after calling end/i,
  /database .* does not exist/i,
  /the database system is (starting up|shutting down)/i,
  /not currently accepting connections/i,
  /cannot connect to Postgres/i,
  /terminating connection due to administrator command/i,
]

/** True when `err` (or anything in its cause chain) says the database could not be reached. */
export function isConnectionError(err: unknown): boolean {
  for (const e of causeChain(err)) {
    if (e instanceof CmsUnavailableError) return true
    const code = 'code' in e ? String(e.code) : ''
    const name = 'name' in e ? String(e.name) : ''
    const message = 'message' in e ? String(e.message) : ''
    if (CONNECTION_CODES.has(code)) return true
    if (/^Mongo(Network|ServerSelection|Topology)/.test(name)) return true
    if (CONNECTION_MESSAGES.some((re) => re.test(message))) return true
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true
  }
  return false
}
