/**
 * The site's door to sign-ups: the public form's submission, the manage page behind an emailed
 * link, cancelling, withdrawing the photo consent, and the download of what is held about a child. Everything the public sends
 * is checked here on the server (form token, honeypot, rate limit, the shared zod schema)
 * whatever the browser did; the rules themselves are in cms/services.
 */
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { env } from '../../../cms/env'
import type { Registration } from '../../../cms/payload-types'
import { audit, changeOf } from '../../../cms/services/audit'
import { idOf } from '../../../cms/services/ids'
import { clientAddressOf } from '../../../cms/services/client-address'
import { issueFormToken, signUpFormOf, type FormTokenProblem } from '../../../cms/services/form-guard'
import { formProblem, takeAllowance, TooManyRequests } from './guards'
import { cancelRegistration, registrationByToken, seatedEvent, signUp, waitlistPosition, withdrawConsent, EventNotFound, type ChildOutcome } from '../../../cms/services/registrations'
import { noticesDue, sendDueNotices } from '../../../cms/services/signup-notices'
import { seatOf } from '../../../cms/services/seat-store'
import { signUpErrors, ZSignUp } from '../../../cms/schemas/signup'
import type { Lang } from '../../i18n/routes'
import { readSignUpForm, toSignUpInput, type FormValues } from '../signup-form'

export type SignUpRow = {
  name: string
  status: ChildOutcome['status']
  seat?: number
  position?: number
  reason?: Extract<ChildOutcome, { status: 'refused' }>['reason']
  token?: string
}

export type SignUpSubmission =
  | { kind: 'invalid'; errors: Record<string, string>; values: FormValues; classListProblems: { line: number; text: string }[] }
  | { kind: 'dropped'; reason: FormTokenProblem | 'honeypot'; values: FormValues }
  | { kind: 'not-found' }
  | { kind: 'done'; rows: SignUpRow[]; emailedTo: string | null; submittedBy: 'guardian' | 'school' }

export { TooManyRequests }

/**
 * The address a request came from, as the server decided it (cms/services/client-address.ts);
 * the socket's address when the site runs without that server in front.
 */
export function clientAddress(request: Request, socketAddress: string): string {
  return clientAddressOf(request.headers) ?? socketAddress
}

/** "ng***@gmail.com": enough for a parent to recognise the address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@')
  return `${user.slice(0, 2)}***@${domain}`
}

export function newSignUpForm(eventId: string | number): { formToken: string; idempotencyKey: string } {
  return { formToken: issueFormToken(env().secret, signUpFormOf(eventId)), idempotencyKey: randomBytes(18).toString('base64url') }
}

export function signUpApi(payload: Payload) {
  return {
    /** One public sign-up, sent as a form. Throws TooManyRequests past the per-address rate. */
    async submit(form: FormData, { lang, address }: { lang: Lang; address: string }): Promise<SignUpSubmission> {
      await takeAllowance(address)
      const { values, classList } = await readSignUpForm(form)
      const problem = formProblem(form, signUpFormOf(values.eventId))
      if (problem) return { kind: 'dropped', reason: problem, values }
      const parsed = ZSignUp.safeParse(toSignUpInput(values))
      if (!parsed.success || classList.problems.length) {
        return { kind: 'invalid', errors: parsed.success ? {} : signUpErrors(parsed.error, lang), values, classListProblems: classList.problems }
      }
      const input = parsed.data
      let result
      try {
        result = await signUp(payload, input)
      } catch (err) {
        if (err instanceof EventNotFound) return { kind: 'not-found' }
        throw err
      }
      // The confirmation email is composed and queued a moment later, off this answer's path.
      noticesDue()
      const rows = result.outcomes.map((o): SignUpRow => {
        const child = input.children[o.index]
        const name = child ? `${child.familyName} ${child.givenName}`.trim() : ''
        const token = result.manageTokens.get(o.index)
        if (o.status === 'confirmed') return { name, status: o.status, seat: o.seat, token }
        if (o.status === 'waitlisted') return { name, status: o.status, position: o.position, token }
        return { name, status: o.status, reason: o.reason }
      })
      const anyPlaced = rows.some((r) => r.status !== 'refused')
      return { kind: 'done', rows, emailedTo: anyPlaced && input.guardian.email ? maskEmail(input.guardian.email) : null, submittedBy: input.submittedBy }
    },

    /** What the manage page shows, or null for an unknown link. */
    async manage(token: string) {
      const reg = await registrationByToken(payload, token)
      if (!reg) return null
      return { registration: reg, ...(await placeOf(payload, reg)) }
    },

    /** Cancels through the manage link; frees the seat and gives it to the waitlist (with emails). */
    async cancel(token: string, { address }: { address: string }): Promise<'cancelled' | 'already' | 'not-found'> {
      await takeAllowance(address)
      const reg = await registrationByToken(payload, token)
      if (!reg) return 'not-found'
      if (reg.status === 'cancelled') return 'already'
      const eventId = idOf(reg.event)
      await cancelRegistration(payload, reg.id)
      const after = await payload.findByID({ collection: 'registrations', id: reg.id, depth: 1 })
      await audit(payload, { action: 'guardian-cancel', resource: 'registrations', documentIds: [reg.id], event: eventId, summary: reg.reference, ...changeOf(reg, after) })
      await sendDueNotices(payload, { eventId })
      return 'cancelled'
    },

    /** Withdraws the photo consent through the manage link; the sign-up itself stays. */
    async withdrawPhotoConsent(token: string, { address }: { address: string }): Promise<'withdrawn' | 'none' | 'not-found'> {
      await takeAllowance(address)
      const reg = await registrationByToken(payload, token)
      if (!reg) return 'not-found'
      const withdrawn = await withdrawConsent(payload, reg.id, 'photo')
      if (!withdrawn) return 'none'
      const after = await payload.findByID({ collection: 'registrations', id: reg.id, depth: 1 })
      await audit(payload, { action: 'guardian-withdraw-consent', resource: 'registrations', documentIds: [reg.id], event: idOf(reg.event), summary: `${reg.reference}: photo`, ...changeOf(reg, after) })
      return 'withdrawn'
    },

    /** Everything held about the child of this link, as a JSON document for the family. */
    async dataExport(token: string): Promise<Record<string, unknown> | null> {
      const reg = await registrationByToken(payload, token)
      if (!reg) return null
      const eventId = idOf(reg.event)
      await audit(payload, { action: 'guardian-download', resource: 'registrations', documentIds: [reg.id], event: eventId, summary: reg.reference })
      const place = await placeOf(payload, reg)
      const event = typeof reg.event === 'object' ? reg.event : null
      return {
        about: 'Dữ liệu về trẻ do chương trình lưu giữ / The data held about the child',
        exportedAt: new Date().toISOString(),
        reference: reg.reference,
        event: event ? { title: event.title, venue: event.venue, sessions: event.sessions?.map((s) => ({ date: s.date, start: s.start, end: s.end })) } : eventId,
        status: reg.status,
        seat: place.seat,
        waitlistPosition: place.position,
        child: { ...reg.child, area: typeof reg.child.area === 'object' && reg.child.area ? reg.child.area.name : reg.child.area },
        guardian: reg.guardian,
        submittedBy: reg.submittedBy,
        consents: reg.consents?.map((c) => ({ purpose: c.purpose, grantedBy: c.grantedBy, wordingVersion: c.wordingVersion, grantedAt: c.grantedAt, withdrawnAt: c.withdrawnAt ?? null })),
        attendance: reg.attendance?.map((a) => ({ session: a.session, at: a.at })),
        createdAt: reg.createdAt,
        cancelledAt: reg.cancelledAt ?? null,
      }
    },
  }
}

async function placeOf(payload: Payload, reg: Registration): Promise<{ seat: number | null; position: number | null }> {
  const eventId = idOf(reg.event)
  return {
    seat: reg.status === 'confirmed' || reg.status === 'attended' ? ((await seatOf(payload, await seatedEvent(payload, eventId), reg.id))?.number ?? null) : null,
    position: reg.status === 'waitlisted' ? await waitlistPosition(payload, eventId, reg) : null,
  }
}
