/**
 * The client address of a request: what rate limits, the login throttle and the audit log count
 * by. It is decided once per request, by the one server in front of everything (server/app.ts),
 * and passed on to Payload and Astro in CLIENT_ADDRESS_HEADER, which that server always writes
 * itself: a copy sent by the client is overwritten, never read.
 *
 * - Without TRUST_PROXY: the socket's address (whoever opened the connection).
 * - With TRUST_PROXY (only behind a proxy of your own): the LAST X-Forwarded-For value, the one
 *   your proxy appended for the connection it received. The values before it were written by
 *   the client, who can put anything there.
 */
import { isIP } from 'node:net'

export const CLIENT_ADDRESS_HEADER = 'x-treem-client-address'

/** "::ffff:203.0.113.9" → "203.0.113.9"; anything that is not an IP address → null. */
function ipOrNull(value: string | undefined): string | null {
  const ip = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') ?? ''
  return isIP(ip) ? ip : null
}

export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor !== undefined) {
    // several X-Forwarded-For headers count as one list, in order
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',')
    const appended = ipOrNull(hops.at(-1))
    if (appended) return appended
  }
  return ipOrNull(socketAddress) ?? 'unknown'
}

/** The address server/app.ts decided for this request (undefined outside that server, e.g. the Local API). */
export function clientAddressOf(headers: { get(name: string): string | null } | undefined | null): string | undefined {
  return headers?.get(CLIENT_ADDRESS_HEADER) ?? undefined
}
