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

