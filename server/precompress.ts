/**
 * Build step: writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible static
 * file of the site (dist/site/client), so the server sends them as they are, never compressing
 * per request (sirv picks the variant the browser accepts; see server/app.ts).
 * Run after `astro build`; `node --import tsx server/precompress.ts [dir]`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { compress } from './compress'

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|xml|html|map|webmanifest)$/
/** Below this, the headers of a compressed answer cost more than they save. */
const MIN_BYTES = 256


async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(full)
    else if (COMPRESSIBLE.test(entry.name)) yield full
  }
}

/** Returns how many files got compressed copies. */
export async function precompress(dir: string): Promise<number> {
  let count = 0
  for await (const file of filesUnder(dir)) {
    const bytes = await fs.readFile(file)
    if (bytes.byteLength < MIN_BYTES) continue
    const [br, gz] = await Promise.all([compress(bytes, 'br', 'max'), compress(bytes, 'gzip', 'max')])
    // a copy that saves nothing is not worth choosing over the original
    if (br.byteLength < bytes.byteLength) await fs.writeFile(`${file}.br`, br)
    if (gz.byteLength < bytes.byteLength) await fs.writeFile(`${file}.gz`, gz)
    count++
  }
  return count
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? path.join('dist', 'site', 'client'))
  const count = await precompress(dir)
  process.stdout.write(`precompressed ${count} static files in ${path.relative(process.cwd(), dir)} (brotli and gzip)\n`)
}
