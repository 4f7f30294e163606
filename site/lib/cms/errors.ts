/**
 * Telling "the database cannot be reached" apart from a bug: the first gets the friendly 503
 * page (with hotline 111) and a retry, the second a 500 and a log entry.
 */
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
  const seen = new Set<unknown>()
  let current: unknown = err
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    if (current instanceof CmsUnavailableError) return true
    const code = 'code' in current ? String(current.code) : ''
    const name = 'name' in current ? String(current.name) : ''
    const message = 'message' in current ? String(current.message) : ''
    if (CONNECTION_CODES.has(code)) return true
    if (/^Mongo(Network|ServerSelection|Topology)/.test(name)) return true
    if (CONNECTION_MESSAGES.some((re) => re.test(message))) return true
    if (current instanceof AggregateError && current.errors.some(isConnectionError)) return true
    current = 'cause' in current ? current.cause : undefined
  }
  return false
}
