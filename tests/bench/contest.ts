/**
 * Drawing-contest entries, printed by `npm run bench` (tests/bench/run.ts):
 *
 * - Entries per second through the real public entry form (the Astro Action: multipart with a
 *   4000×3000 phone photo, guards, the shared schema, the picture turned upright, stripped and
 *   stored as two WebP sizes, the entry stored and its place claimed, the confirmation queued),
 *   two clients one entry after another, beside bare sharp doing the same picture work alone, one
 *   at a time, in a process of its own (tests/bench/artwork.ts). Target: at least 0.7 of it.
 * - Twenty phones sending at the same moment: how much the server's resident memory rises during
 *   the burst beside how much bare sharp's rises for the same 20 pictures at once in a process of
 *   its own (target: at most 150 MB more; both peaks are printed too), and how long the home page
 *   takes to answer meanwhile (it must stay fast).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { entryFormOf, issueFormToken } from '../../cms/services/form-guard'
import { adminToken, api } from '../helpers/signup'
import { photoLikeJpeg } from './artwork'

type Started = { url: string; pid: number; secret: string }

async function residentMB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** bare sharp in a process of its own (with the server's process settings): images/s and peak RSS. */
async function bare(mode: 'bare-1' | 'bare-20', file: string): Promise<{ perSecond: number; peakMB: number; beforeMB: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/artwork.ts', mode, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`bare sharp (${mode}) exited with ${code}`)
  const perSecond = Number(/([\d.]+) images\/s/.exec(out)?.[1] ?? 0)
  const peakMB = Number(/peak RSS (\d+) MB/.exec(out)?.[1] ?? 0)
  const beforeMB = Number(/\((\d+) MB before\)/.exec(out)?.[1] ?? 0)
  return { perSecond, peakMB, beforeMB }
}

function entryForm(contestId: number, secret: string, picture: Buffer, i: number): FormData {
  const form = new FormData()
  const fields: Record<string, string> = {
    contestId: String(contestId),
    idempotencyKey: randomBytes(18).toString('base64url'),
    formToken: issueFormToken(secret, entryFormOf(contestId), new Date(Date.now() - 10_000)),
    website: '',
    title: `Ước mơ số ${i}`,
    statement: 'Tranh thử tải.',
    'child.familyName': 'Thử Tải',
    'child.givenName': `Em ${i} ${randomBytes(3).toString('hex')}`,
    'child.birthDate': '01/03/2017',
    'child.school': 'Trường Tiểu học Thử Tải',
    'child.className': '4A',
    submittedBy: 'school',
    'contact.name': 'Giáo viên thử tải',
    'contact.email': `gv-${i}@example.vn`,
    'consent.participation': 'on',
    'consent.childAssent': 'on',
  }
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  form.set('picture', new Blob([new Uint8Array(picture)], { type: 'image/jpeg' }), 'IMG_2041.jpg')
  return form
}

export async function benchContestEntries(server: Started, options: { count?: number } = {}): Promise<string[]> {
  const lines: string[] = []
  const count = options.count ?? 12
  const admin = await adminToken(server.url)
  const areas = await api<{ docs: { id: number }[] }>(server.url, admin, '/areas?where[level][equals]=commune&limit=1&depth=0')
  const area = areas.docs[0]?.id
  const slug = `thu-tai-${randomBytes(4).toString('hex')}`
  const created = await api<{ doc: { id: number; slug: string } }>(server.url, admin, '/contests', {
    method: 'POST',
    body: JSON.stringify({
      title: `Cuộc thi thử tải ${slug}`,
      slug,
      theme: 'Thử tải',
      opensAt: '2020-01-01T00:00:00.000Z',
      closesAt: '2099-01-01T00:00:00.000Z',
      ageOn: '2027-06-01T00:00:00.000Z',
      categories: [{ minAge: 6, maxAge: 15 }],
      entriesPerChild: 10,
      consentVersion: 'bench',
      _status: 'published',
    }),
  })
  const { id } = created.doc
  const endpoint = `${server.url}/cuoc-thi/${slug}/gui-tranh/?_action=submitEntry`
  const picture = await photoLikeJpeg(4000, 3000)
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'contest-bench-'))
  const file = path.join(dir, 'photo.jpg')
  await fs.writeFile(file, picture)
  let sent = 0
  const send = async (): Promise<string> => {
    const i = sent++
    const form = entryForm(id, server.secret, picture, i)
    form.set('child.area', String(area ?? ''))
    const res = await fetch(endpoint, { method: 'POST', headers: { origin: server.url }, body: form })
    const html = await res.text()
    if (res.status !== 200) return `http ${res.status}`
    return /VE-[2-9A-Z]{6}/.test(html) ? 'accepted' : 'no reference'
  }
  try {
    // warm-up: one entry (first render of the answer page, sharp's first load)
    await send()
    const t0 = performance.now()
    const outcomes: string[] = []
    await Promise.all(
      [0, 1].map(async () => {
        while (outcomes.length < count) outcomes.push(await send())
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    const accepted = outcomes.filter((o) => o === 'accepted').length
    const ours = accepted / seconds
    const one = await bare('bare-1', file)
    lines.push(`entries with a ${(picture.length / 1024 / 1024).toFixed(1)} MB 4000×3000 photo, through the public form, 2 clients: ${ours.toFixed(2)}/s (${accepted}/${outcomes.length} accepted${accepted < outcomes.length ? `; others: ${[...new Set(outcomes.filter((o) => o !== 'accepted'))].join(', ')}` : ''})`)
    lines.push(`bare sharp on the same photo, one at a time:  ${one.perSecond.toFixed(2)}/s → ratio ${(ours / one.perSecond).toFixed(2)} (target ≥ 0.7)`)

    // twenty at once: the server's memory, and the home page meanwhile
    const before = await residentMB(server.pid)
    let peak = before
    const sampler = setInterval(() => void residentMB(server.pid).then((mb) => (peak = Math.max(peak, mb))), 20)
    const pageTimes: number[] = []
    let bursting = true
    const pages = (async () => {
      while (bursting) {
        const t = performance.now()
        await fetch(`${server.url}/`).then((r) => r.arrayBuffer())
        pageTimes.push(performance.now() - t)
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const t1 = performance.now()
    const burst = await Promise.all(Array.from({ length: 20 }, () => send()))
    const burstSeconds = (performance.now() - t1) / 1000
    bursting = false
    await pages
    clearInterval(sampler)
    peak = Math.max(peak, await residentMB(server.pid))
    const twenty = await bare('bare-20', file)
    pageTimes.sort((a, b) => a - b)
    const pct = (p: number) => pageTimes[Math.min(pageTimes.length - 1, Math.floor(pageTimes.length * p))] ?? 0
    lines.push(`20 entries at once: ${burst.filter((o) => o === 'accepted').length}/20 accepted in ${burstSeconds.toFixed(1)} s; server resident memory ${Math.round(before)} MB before, ${Math.round(peak)} MB at the most (+${Math.round(peak - before)} MB)`)
    // what the pictures cost: each process's rise over its own resting memory (the server's rest
    // holds Payload, Next and Astro; bare sharp's only Node and libvips), and the peaks as they are
    lines.push(
      `bare sharp, the same 20 pictures at once, in a process of its own: ${twenty.beforeMB} MB before, ${twenty.peakMB} MB at the most (+${Math.round(twenty.peakMB - twenty.beforeMB)} MB) → ` +
        `the server's rise is ${Math.round(peak - before - (twenty.peakMB - twenty.beforeMB))} MB beside bare sharp's (target ≤ 150 MB); its peak is ${Math.round(peak - twenty.peakMB)} MB above bare sharp's peak`,
    )
    lines.push(`home page during the burst: ${pageTimes.length} requests, p50 ${pct(0.5).toFixed(0)} ms, p90 ${pct(0.9).toFixed(0)} ms, worst ${(pageTimes.at(-1) ?? 0).toFixed(0)} ms`)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
  return lines
}
