/**
 * Debian's Chromium, driven by playwright-core. Outside CI a missing browser skips the browser
 * tests with the reason printed; with CI=true it fails them.
 */
import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function browserSkipReason(): string {
  if (fs.existsSync(CHROMIUM_PATH)) return ''
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
  if (process.env.CI) throw new Error(`${reason}; CI=true requires it`)
  process.stdout.write(`\n[e2e] SKIPPED: ${reason}\n\n`)
  return reason
}

/** Headless Chromium; `extraArgs` are added to its command line (e.g. a remote-debugging port). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  })
}
