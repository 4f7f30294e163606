/**
 * Lighthouse on a slow phone: a 360×640 mobile screen, the CPU 8× slower, 400 kbps both ways and
 * a 400 ms round trip, simulated (Lighthouse's own model, so a busy machine moves the figures
 * less than real throttling would). Categories performance and accessibility.
 *
 *   node --import tsx tests/bench/lighthouse.ts [--runs N] [--details] URL...
 *
 * prints one line per URL (the median of N runs, default 1); --details adds the largest
 * contentful paint's element, its breakdown and the opportunities Lighthouse names.
 * From another script: `const rows = await slowPhone([url])` (one run per URL, in order).
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), started by playwright-core with a
 * remote-debugging port for Lighthouse; headless, no sandbox, no network of its own.
 */
import { pathToFileURL } from 'node:url'
import lighthouse, { type Flags, type Result } from 'lighthouse'
import { launchBrowser } from '../helpers/browser'
import { freePort } from '../helpers/ports'

export type SlowPhoneResult = { url: string; lcpMs: number; performance: number; accessibility: number; fcpMs: number; bytes: number }

/** The slow phone, as Lighthouse settings. */
export const SLOW_PHONE = {
  formFactor: 'mobile',
  screenEmulation: { mobile: true, width: 360, height: 640, deviceScaleFactor: 2, disabled: false },
  throttlingMethod: 'simulate',
  throttling: { rttMs: 400, throughputKbps: 400, cpuSlowdownMultiplier: 8, requestLatencyMs: 400, downloadThroughputKbps: 400, uploadThroughputKbps: 400 },
  onlyCategories: ['performance', 'accessibility'],
} satisfies Flags

/** Runs Lighthouse once per URL, in order, in one browser; hands each full report to `each`. */
export async function lighthouseReports(urls: string[], each: (url: string, lhr: Result) => void | Promise<void> = () => {}): Promise<Result[]> {
  const port = await freePort()
  const browser = await launchBrowser([`--remote-debugging-port=${port}`])
  const reports: Result[] = []
  try {
    for (const url of urls) {
      const run = await lighthouse(url, { ...SLOW_PHONE, port, output: 'json', logLevel: 'error' })
      if (!run) throw new Error(`Lighthouse gave no result for ${url}`)
      if (run.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`)
      reports.push(run.lhr)
      await each(url, run.lhr)
    }
  } finally {
    await browser.close()
  }
  return reports
}

export function summary(lhr: Result): SlowPhoneResult {
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100)
  return {
    url: lhr.finalDisplayedUrl,
    lcpMs: metric('largest-contentful-paint'),
    fcpMs: metric('first-contentful-paint'),
    performance: score('performance'),
    accessibility: score('accessibility'),
    bytes: metric('total-byte-weight'),
  }
}

/**
 * The slow-phone figures of each URL, in order: the median of `runs` Lighthouse runs (on these
 * shared 2-core machines one page scored 77 and 89 on two runs in a row: Chromium's own tasks,
 * which Lighthouse cannot attribute, grow with whatever else the machine does).
 */
export async function slowPhone(urls: string[], runs = 3): Promise<SlowPhoneResult[]> {
  const reports = (await lighthouseReports(urls.flatMap((url) => Array.from({ length: runs }, () => url)))).map(summary)
  return urls.map((_, i) => medianResult(reports.slice(i * runs, (i + 1) * runs)))
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`

export function formatResult(r: SlowPhoneResult): string {
  const path = URL.canParse(r.url) ? new URL(r.url).pathname : r.url
  return `${path} : LCP ${seconds(r.lcpMs)}, FCP ${seconds(r.fcpMs)}, performance ${r.performance}, accessibility ${r.accessibility}, ${Math.round(r.bytes / 1024)} KB transferred`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The median of each figure over several runs of one URL. */
export function medianResult(runs: SlowPhoneResult[]): SlowPhoneResult {
  const of = (key: Exclude<keyof SlowPhoneResult, 'url'>) => median(runs.map((r) => r[key]))
  return { url: runs[0]?.url ?? '', lcpMs: of('lcpMs'), fcpMs: of('fcpMs'), performance: of('performance'), accessibility: of('accessibility'), bytes: of('bytes') }
}

type Item = Record<string, unknown>
type Details = { type?: string; items?: (Item | Details)[] }

/** What delays the largest paint, from one report: the element, its parts, the opportunities and what failed. */
export function details(lhr: Result): string[] {
  const lines: string[] = []
  const breakdown = lhr.audits['lcp-breakdown-insight']?.details as Details | undefined
  for (const part of breakdown?.items ?? []) {
    const p = part as Details & Item
    if (p.type === 'table') {
      lines.push(`  LCP parts (observed, unthrottled): ${(p.items ?? []).map((i) => `${String((i as Item).label)} ${Math.round(Number((i as Item).duration))} ms`).join(', ')}`)
    } else if (p.type === 'node') {
      lines.push(`  LCP element: ${String(p.nodeLabel ?? '')} — ${String(p.snippet ?? '')}`)
    }
  }
  for (const id of ['lcp-discovery-insight', 'render-blocking-insight', 'network-dependency-tree-insight', 'image-delivery-insight', 'document-latency-insight', 'bootup-time', 'mainthread-work-breakdown']) {
    const audit = lhr.audits[id]
    if (audit && audit.score !== null && audit.score < 1) lines.push(`  ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
  }
  for (const request of ((lhr.audits['network-requests']?.details as Details | undefined)?.items ?? []) as Item[]) {
    lines.push(`  request ${String(request.resourceType)} ${String(request.url)}: ${Math.round(Number(request.transferSize) / 1024)} KB, priority ${String(request.priority)}`)
  }
  for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id]
    if (audit && audit.score === 0) lines.push(`  accessibility: ${audit.id}: ${audit.title}`)
  }
  return lines
}

async function main(args: string[]): Promise<void> {
  let runs = 1
  let withDetails = false
  const urls: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--runs') runs = Number(args[++i])
    else if (arg === '--details') withDetails = true
    else urls.push(arg)
  }
  if (!urls.length || !(runs >= 1)) {
    process.stderr.write('usage: node --import tsx tests/bench/lighthouse.ts [--runs N] [--details] URL...\n')
    process.exitCode = 2
    return
  }
  for (const url of urls) {
    const results: SlowPhoneResult[] = []
    await lighthouseReports(Array.from({ length: runs }, () => url), (_url, lhr) => {
      results.push(summary(lhr))
      if (runs > 1) process.stdout.write(`  run ${results.length}: ${formatResult(summary(lhr))}\n`)
      if (withDetails) process.stdout.write(`${details(lhr).join('\n')}\n`)
    })
    process.stdout.write(`${formatResult(runs > 1 ? medianResult(results) : (results[0] as SlowPhoneResult))}${runs > 1 ? ` (median of ${runs})` : ''}\n`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  })
}
