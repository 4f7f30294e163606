/**
 * How large a request body may be: every limit is named here once and enforced by one rule.
 *
 * | limit           | for                                                  | enforced by                                   |
 * |-----------------|------------------------------------------------------|-----------------------------------------------|
 * | apiBody         | JSON (any non-multipart body) to /api and /admin     | server/app.ts, before Next reads it           |
 * | apiMultipart    | a whole multipart request to /api and /admin         | server/app.ts, before Next reads it           |
 * | uploadFile      | one uploaded file                                    | Payload's multipart parser (payload.config.ts)|
 * | publicForm      | a public form (Astro Actions: sign-up, manage page)  | Astro (astro.config.mjs)                      |
 * | siteBody        | any other body the public site reads                 | Astro's Node adapter (astro.config.mjs)       |
 *
 * The server answers 413 by Content-Length before anything is read, and counts the bytes of a
 * body sent without one (chunked) as they arrive.
 */
const KB = 1024
const MB = 1024 * KB

export const BODY_LIMITS = {
  apiBody: 1 * MB,
  /** a file at the upload limit plus its form fields and multipart framing */
  apiMultipart: 16 * MB,
  uploadFile: 15 * MB,
  /** a class list of hundreds of children */
  publicForm: 256 * KB,
  siteBody: 1 * MB,
} as const

/** "15 MB", "256 KB": for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`
}

/**
 * Staff login and password-reset throttling (cms/services/staff-login.ts): how many attempts
 * each counter allows in its window before the answer is 429 with Retry-After.
 *
 * - perAddress: failed logins from one client address, to any account.
 * - perAccount: failed logins to one account from browsers it has never logged in from. A
 *   browser that has logged in to the account before (its signed "known device" cookie) is
 *   not held by this counter nor by perAddress: it has its own (perKnownDevice), so a stranger
 *   cannot lock a staff member out.
 * - resetPerAddress: forgot-password requests from one client address.
 */
export const LOGIN_LIMITS = {
  perAddress: { attempts: 5, seconds: 15 * 60 },
  perAccount: { attempts: 20, seconds: 60 * 60 },
  perKnownDevice: { attempts: 10, seconds: 15 * 60 },
  resetPerAddress: { attempts: 5, seconds: 15 * 60 },
} as const
