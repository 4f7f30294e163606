/**
 * Builds the admin (Next) and the site (Astro) when their sources changed since the last build,
 * judged by a hash of the inputs kept in var/build-stamp.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const BUILD_INPUTS = ['cms', 'site', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']
const SKIP = new Set(['.next', 'node_modules', 'payload-types.ts'])

function hashInputs(root: string): string {
  const hash = createHash('sha256')
  const walk = (p: string) => {
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name))
    } else {
      hash.update(path.relative(root, p)).update(fs.readFileSync(p))
    }
  }
  for (const input of BUILD_INPUTS) if (fs.existsSync(path.join(root, input))) walk(path.join(root, input))
  return hash.digest('hex')
}

const stampPath = (root: string) => path.join(root, 'var', 'build-stamp')

/** Records that the current sources are built (run after `npm run build`). */
export function writeBuildStamp(root: string): void {
  fs.mkdirSync(path.dirname(stampPath(root)), { recursive: true })
  fs.writeFileSync(stampPath(root), hashInputs(root))
}

/** Returns true when it had to build. */
export async function ensureBuilt(root: string): Promise<boolean> {
  const stampFile = stampPath(root)
  const built = fs.existsSync(path.join(root, 'cms', '.next', 'BUILD_ID')) && fs.existsSync(path.join(root, 'dist', 'site', 'server', 'entry.mjs'))
  const stamp = hashInputs(root)
  if (built && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return false
  process.stdout.write('[start] building the admin and the site (about a minute, once)…\n')
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
  return true
}
