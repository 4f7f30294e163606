/**
 * Compression, in one place, for the three that compress: the build (static files, once, as
 * hard as it goes: server/precompress.ts), the page cache (each page once per change: strong) and
 * the site's middleware (pages the cache does not answer, per request: fast).
 */
import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip'
export type Effort = 'fast' | 'strong' | 'max'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
const LEVELS: Record<Effort, Record<Encoding, number>> = {
  fast: { br: 5, gzip: 6 },
  strong: { br: 9, gzip: 9 },
  max: { br: 11, gzip: 9 },
}

export function compress(bytes: Buffer, encoding: Encoding, effort: Effort): Promise<Buffer> {
  const level = LEVELS[effort][encoding]
  return encoding === 'br'
    ? brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: level, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } })
    : gzip(bytes, { level })
}

/** Picks the best encoding the client accepts. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  if (/\bbr\b/.test(acceptEncoding)) return 'br'
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip'
  return null
}
