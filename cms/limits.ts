/**
 * How large a request body may be: every limit is named here once and enforced by one rule.
 *
 * | limit           | for                                                  | enforced by                                   |
 * |-----------------|------------------------------------------------------|-----------------------------------------------|
 * | apiBody         | JSON (any non-multipart body) to /api and /admin     | server/app.ts, before Next reads it           |
 * | apiMultipart    | a whole multipart request to /api and /admin         | server/app.ts, before Next reads it           |
 * | uploadFile      | one uploaded file                                    | Payload's multipart parser (payload.config.ts)|
 * | publicUpload    | the contest entry form (a picture and its fields)    | server/app.ts, before Astro reads it          |
 * | publicForm      | every other Astro Action (sign-up, pledge, manage)   | server/app.ts, before Astro reads it          |
 * | siteBody        | any other body the public site reads                 | server/app.ts, before Astro reads it          |
 *
 * The server answers 413 by Content-Length before anything is read, and counts the bytes of a
 * body sent without one (chunked) as they arrive. Astro's own limits (astro.config.mjs) are the
 * largest of the site's, publicUpload, a second wall behind the server's per-request ones
 * (server/body-limit.ts `siteBodyLimit`).
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
  /** a contest entry: a picture at the upload limit plus the form's fields and multipart framing */
  publicUpload: 16 * MB,
  siteBody: 1 * MB,
} as const

/**
 * Contest entries Astro may be reading at once, at the upload limit: Astro holds a whole body in
 * memory (request.formData()), so the server admits entry uploads while the bytes they declare
 * add up to at most UPLOADS_AT_ONCE × publicUpload (four pictures at the limit, or a dozen
 * ordinary phone photos); the others wait, first come first served, before a byte of their
 * body is read (TCP holds it back), and go in as the ones inside finish (server/upload-gate.ts).
 */
export const UPLOADS_AT_ONCE = 4

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
