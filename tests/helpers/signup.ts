/**
 * Sign-ups over HTTP, the way a browser without JavaScript sends them: the helpers build the
 * form body, post it to the sign-up page's Astro Action and read the per-child result table.
 * Staff data is checked through the REST API as the demo admin.
 */
import { randomBytes } from 'node:crypto'
import { issueFormToken, signUpFormOf } from '../../cms/services/form-guard'

export const TEST_SECRET = 'e2e-test-secret-0123456789abcdefghijklmnop'
export const DEMO_ADMIN = { email: 'admin@demo.treem.vn', password: 'demo-2026-tre-em' }

export type Outcome = { status: string; text: string; manage: string | null }

export async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`admin login failed: ${res.status}`)
  return body.token
}

export async function api<T>(url: string, token: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${url}/api${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...init.headers } })
  const body = (await res.json()) as T
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status}: ${JSON.stringify(body)}`)
  return body
}

/** A published event open for sign-ups now, ages 4–16, in the first commune found. */
export async function createOpenEvent(url: string, token: string, extra: Record<string, unknown> = {}): Promise<{ id: number; slug: string }> {
  const areas = await api<{ docs: { id: number; level: string }[] }>(url, token, '/areas?limit=50&depth=0')
  const commune = areas.docs.find((a) => a.level === 'commune')
  const slug = `lop-thu-${randomBytes(4).toString('hex')}`
  const created = await api<{ doc: { id: number; slug: string } }>(url, token, '/events', {
    method: 'POST',
    body: JSON.stringify({
      title: `Lớp bơi thử ${slug}`,
      slug,
      kind: 'swim-class',
      venue: 'Hồ bơi thử',
      area: commune?.id,
      sessions: [{ date: '2027-07-01', start: '07:30', end: '09:00' }],
      capacity: 20,
      waitlist: true,
      eligibility: { minAge: 4, maxAge: 16 },
      registrationOpensAt: '2020-01-01T00:00:00.000Z',
      consent: { guardian: 'Tôi đồng ý cho con tham gia.', childAssent: 'Em đồng ý tham gia.' },
      organiser: { name: 'Ban tổ chức thử', phone: '0276 3822 111' },
      _status: 'published',
      ...extra,
    }),
  })
  return { id: created.doc.id, slug: created.doc.slug }
}

export const newKey = () => randomBytes(18).toString('base64url')

/** A form body for `children` (each: family, given, birth date). Token rendered 10 s ago unless told. */
export function signUpBody(
  eventId: number | string,
  children: { familyName: string; givenName: string; birthDate: string; assent?: boolean }[],
  extra: Record<string, string> = {},
): URLSearchParams {
  const body = new URLSearchParams({
    eventId: String(eventId),
    idempotencyKey: newKey(),
    formToken: issueFormToken(TEST_SECRET, signUpFormOf(eventId), new Date(Date.now() - 10_000)),
    website: '',
    submittedBy: 'guardian',
    'guardian.name': 'Phạm Văn Cha',
    'guardian.relationship': 'father',
    'guardian.phone': '0912345678',
    guardianConsent: 'on',
  })
  children.forEach((c, i) => {
    body.set(`children.${i}.familyName`, c.familyName)
    body.set(`children.${i}.givenName`, c.givenName)
    body.set(`children.${i}.birthDate`, c.birthDate)
    if (c.assent !== false) body.set(`children.${i}.assent`, 'on')
  })
  for (const [k, v] of Object.entries(extra)) body.set(k, v)
  return body
}

export async function postSignUp(
  url: string,
  slug: string,
  body: URLSearchParams | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; html: string; outcomes: Outcome[] }> {
  const res = await fetch(`${url}/su-kien/${slug}/dang-ky/?_action=signUp`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof body === 'string' ? body : body.toString(),
  })
  const html = await res.text()
  return { status: res.status, html, outcomes: outcomesOf(html) }
}

/** The rows of the result table: status, the text shown, and the manage link. */
export function outcomesOf(html: string): Outcome[] {
  return [...html.matchAll(/<tr data-status="([a-z]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    status: m[1] ?? '',
    text: (m[2] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
    manage: /href="(\/quan-ly\/[^"]+)"/.exec(m[2] ?? '')?.[1] ?? null,
  }))
}
