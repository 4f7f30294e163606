/**
 * The site's door to gift drives: the published drives with their live progress, the public
 * donor list, and the public pledge form's submission. Everything the public sends is checked
 * here on the server (rate limit, honeypot, form token, the shared zod schema) whatever the
 * browser did; the rules themselves are in cms/services (pledges.ts, drive-progress.ts).
 */
import { randomBytes } from 'node:crypto'
import type { Payload, Where } from 'payload'
import { env } from '../../../cms/env'
import type { Drive } from '../../../cms/payload-types'
import { pledgeErrors, ZPledge } from '../../../cms/schemas/pledge'
import { driveProgress, publicDonorList, type DriveProgress, type PublicDonor } from '../../../cms/services/drive-progress'
import { donationsDue } from '../../../cms/services/donation-notices'
import { pledgeWindowProblem } from '../../../cms/services/drives'
import { handOverCounts, type HandOverCounts } from '../../../cms/services/hand-overs'
import { issueFormToken, pledgeFormOf, type FormTokenProblem } from '../../../cms/services/form-guard'
import { Kept } from '../../../cms/services/kept'
import { DriveNotFound, itemUnitsLeft, pledge, type PaymentInstructions, type PledgeRefusal } from '../../../cms/services/pledges'
import { vietQrSvg } from '../../../cms/services/vietqr'
import type { Lang } from '../../i18n/routes'
import { formProblem, takeAllowance } from './guards'
import { maskEmail } from './signup'

export type DriveState = 'open' | 'not-open' | 'closed'
/** What the pledge form offers: money (when the drive has a money target) and each item with the units still free to pledge. */
export type PledgeOffer = { money: boolean; items: { id: string; kind: string; label: string; left: number }[] }
/** A drive as its pledge page needs it: no totals, no donor list — a constant cost per request, whatever the number of pledges. */
export type PledgeDrive = Drive & { state: DriveState; offer: PledgeOffer | null }
export type PublicDrive = Drive & { state: DriveState; progress: DriveProgress }
/** A drive's page: live progress, the donors who agreed to be named, and what was handed over (counts per commune only, never who). */
export type DrivePage = PublicDrive & { donors: PublicDonor[]; anonymousDonors: number; handedOver: HandOverCounts }

const published: Where = { _status: { equals: 'published' } }
const asPublic = { overrideAccess: false, draft: false } as const

/** Whether a drive takes pledges now. */
export function driveState(drive: Pick<Drive, 'startsOn' | 'endsOn'>, now = new Date()): DriveState {
  return pledgeWindowProblem(drive, now) ?? 'open'
}

export function drivesApi(payload: Payload) {
  const kept = new Kept<Drive | null>(10_000, (change) => change.source === 'drives' || change.source === 'media')
  const withProgress = async (drive: Drive, now: Date): Promise<PublicDrive> => ({ ...drive, state: driveState(drive, now), progress: await driveProgress(payload, drive) })
  return {
    /** Published drives, open ones first, then upcoming, then ended (newest first). */
    async list(lang: Lang, now = new Date()): Promise<PublicDrive[]> {
      const res = await payload.find({ collection: 'drives', locale: lang, depth: 1, sort: '-startsOn', limit: 100, where: published, ...asPublic })
      const order: Record<DriveState, number> = { open: 0, 'not-open': 1, closed: 2 }
      const drives = await Promise.all(res.docs.map((d) => withProgress(d, now)))
      return drives.sort((a, b) => order[a.state] - order[b.state])
    },

    async bySlug(lang: Lang, slug: string, now = new Date()): Promise<DrivePage | null> {
      const res = await payload.find({ collection: 'drives', locale: lang, depth: 1, limit: 1, where: { and: [published, { slug: { equals: slug } }] }, ...asPublic })
      const drive = res.docs[0]
      return drive ? this.page(drive, now, lang) : null
    },

    /** What a drive's page shows of it: live progress and the public donor list. */
    async page(drive: Drive, now = new Date(), lang: Lang = 'vi'): Promise<DrivePage> {
      const [withLive, list, handedOver] = await Promise.all([withProgress(drive, now), publicDonorList(payload, drive), handOverCounts(payload, drive.id, lang)])
      return { ...withLive, donors: list.donors, anonymousDonors: list.anonymous, handedOver }
    },

    /**
     * The drive of a pledge page: the published drive (kept for a moment; dropped when a drive or
     * image changes), and, for the form only, each item's units still free (one indexed count each).
     */
    async forPledge(lang: Lang, slug: string, withOffer: boolean, now = new Date()): Promise<PledgeDrive | null> {
      const drive = await kept.get(`${lang}:${slug}`, async () => {
        const res = await payload.find({ collection: 'drives', locale: lang, depth: 1, limit: 1, where: { and: [published, { slug: { equals: slug } }] }, ...asPublic })
        return res.docs[0] ?? null
      })
      if (!drive) return null
      const state = driveState(drive, now)
      if (!withOffer || state !== 'open') return { ...drive, state, offer: null }
      const items = await Promise.all((drive.items ?? []).map(async (item) => ({ id: item.id ?? '', kind: item.kind, label: item.label, left: await itemUnitsLeft(payload, drive.id, item) })))
      return { ...drive, state, offer: { money: Boolean(drive.moneyGoal) || !items.length, items } }
    },

    async sitemap(): Promise<Pick<Drive, 'slug' | 'updatedAt'>[]> {
      const res = await payload.find({ collection: 'drives', depth: 0, limit: 0, pagination: false, where: published, select: { slug: true, updatedAt: true }, ...asPublic })
      return res.docs
    },
  }
}

export function newPledgeForm(driveId: string | number): { formToken: string; idempotencyKey: string } {
  return { formToken: issueFormToken(env().secret, pledgeFormOf(driveId)), idempotencyKey: randomBytes(18).toString('base64url') }
}

/** The pledge form as the browser sent it: strings, by field name. */
export type PledgeFormValues = Record<string, string>

export type PledgeSubmission =
  | { kind: 'invalid'; errors: Record<string, string>; values: PledgeFormValues }
  | { kind: 'dropped'; reason: FormTokenProblem | 'honeypot'; values: PledgeFormValues }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: PledgeRefusal; values: PledgeFormValues }
  | { kind: 'covered'; item: string; label: string; left: number; values: PledgeFormValues }
  | { kind: 'ended'; reference: string }
  | { kind: 'done'; reference: string; amount: number | null; items: { label: string; quantity: number }[]; payment: (PaymentInstructions & { qrSvg: string }) | null; emailedTo: string | null }

const FIELDS = /^(driveId|idempotencyKey|donor\.(kind|name|phone|email)|listed|amount|message|items\.[A-Za-z0-9_-]{1,40})$/

function readPledgeForm(form: FormData): PledgeFormValues {
  const values: PledgeFormValues = {}
  for (const [key, raw] of form.entries()) if (typeof raw === 'string' && FIELDS.test(key) && raw.length <= 2_000) values[key] = raw
  return values
}

/** The form's values → the object the shared schema (ZPledge) checks; item quantities left empty are no line. */
function toPledgeInput(values: PledgeFormValues): Record<string, unknown> {
  const items = Object.entries(values)
    .filter(([key, v]) => key.startsWith('items.') && v.trim() !== '')
    .map(([key, quantity]) => ({ item: key.slice('items.'.length), quantity }))
  return {
    driveId: values.driveId,
    idempotencyKey: values.idempotencyKey,
    donor: { kind: values['donor.kind'], name: values['donor.name'], phone: values['donor.phone'], email: values['donor.email'] },
    listed: values.listed,
    amount: values.amount,
    items,
    message: values.message,
  }
}

export function pledgeApi(payload: Payload) {
  return {
    /** One public pledge, sent as a form. Throws TooManyRequests past the per-address rate. */
    async submit(form: FormData, { lang, address }: { lang: Lang; address: string }): Promise<PledgeSubmission> {
      await takeAllowance(address)
      const values = readPledgeForm(form)
      const problem = formProblem(form, pledgeFormOf(values.driveId))
      if (problem) return { kind: 'dropped', reason: problem, values }
      const parsed = ZPledge.safeParse(toPledgeInput(values))
      if (!parsed.success) return { kind: 'invalid', errors: pledgeErrors(parsed.error, lang), values }
      let outcome
      try {
        outcome = await pledge(payload, parsed.data, { lang })
      } catch (err) {
        if (err instanceof DriveNotFound) return { kind: 'not-found' }
        throw err
      }
      switch (outcome.kind) {
        case 'refused':
          return { kind: 'refused', reason: outcome.reason, values }
        case 'covered':
          return { kind: 'covered', item: outcome.item, label: outcome.label, left: outcome.left, values }
        case 'ended':
          return { kind: 'ended', reference: outcome.reference }
        case 'accepted': {
          // the confirmation email is composed and queued a moment later, off this answer's path
          donationsDue()
          const payment = outcome.payment
          return {
            kind: 'done',
            reference: outcome.reference,
            amount: outcome.amount,
            items: outcome.items.map((l) => ({ label: l.label, quantity: l.quantity })),
            payment: payment ? { ...payment, qrSvg: vietQrSvg(payment.qrPayload) } : null,
            emailedTo: parsed.data.donor.email ? maskEmail(parsed.data.donor.email) : null,
          }
        }
      }
    },
  }
}
