/**
 * Imported first by the islands: in the browser, zod must not even try `new Function` for its
 * faster parsers. The site's Content-Security-Policy allows no eval, and the browser reports the
 * attempt as a violation, caught or not. zod decides when a schema is built, so this runs before
 * any schema module. (On the server nothing changes.)
 */
import { config } from 'zod'

if (typeof window !== 'undefined') config({ jitless: true })
