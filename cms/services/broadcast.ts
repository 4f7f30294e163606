/**
 * Emailing an event's registrants (a change of venue, what to bring, a cancelled session): one
 * message per distinct guardian address among the chosen registrations — a parent with three
 * children gets it once. Messages only go through the outbox (cms/services/email/outbox.ts),
 * keyed by event, address and content: sending the same form again queues nothing new.
 */
import { createHash } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'
import { emailLayout, escapeHtml } from '../email/layout'
import type { Lang } from '../i18n/messages'
import type { Registration } from '../payload-types'
import { audit } from './audit'
import { enqueueEmail } from './email/outbox'
import type { Id } from './ids'
import { StaffError, parseId, scopedEvent } from './staff'

/** "Confirmed" means holding a seat: confirmed, or already attending sessions. */
export const RECIPIENT_GROUPS = {
  confirmed: { vi: 'Đã có chỗ', en: 'Confirmed', statuses: ['confirmed', 'attended'] },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waitlisted', statuses: ['waitlisted'] },
} as const satisfies Record<string, { vi: string; en: string; statuses: readonly Registration['status'][] }>
export type RecipientGroup = keyof typeof RECIPIENT_GROUPS

const noLineBreaks = (s: string) => !/[\r\n]/.test(s)

/** The staff form: which event, subject, message, and who receives it. */
export const ZBroadcast = z.object({
  event: z.union([z.string(), z.number()]).transform((v, ctx) => {
    const id = parseId(v)
    if (id === null) ctx.addIssue({ code: 'custom', message: 'event' })
    return id ?? 0
  }),
  subject: z.string().trim().min(3).max(150).refine(noLineBreaks, 'subject'),
  message: z.string().trim().min(3).max(5000),
  groups: z.array(z.enum(['confirmed', 'waitlisted'])).min(1),
})
export type TBroadcast = z.infer<typeof ZBroadcast>

export type BroadcastResult = { recipients: number; queued: number; alreadyQueued: number }

export function parseBroadcast(body: unknown): TBroadcast {
  const parsed = ZBroadcast.safeParse(body)
  if (!parsed.success) throw new StaffError('invalidInput', 400, { details: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ') })
  return parsed.data
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n')

/** The email's HTML: the staff text (escaped) in the shared frame, with who sends it. */
export function broadcastHtml(args: { titleVi: string; titleEn: string; message: string; organiser?: string | null }): string {
  const from = args.organiser ? escapeHtml(args.organiser) : ''
  return emailLayout({
    vi: `<p>Thông báo từ ban tổ chức <strong>${escapeHtml(args.titleVi)}</strong>${from ? ` (${from})` : ''}:</p>\n${paragraphs(args.message)}`,
    en: `<p>A message from the organisers of <strong>${escapeHtml(args.titleEn)}</strong>${from ? ` (${from})` : ''}, written above.</p>`,
  })
}

/** Queues the message for every distinct guardian email of the chosen registrations; logs it. */
export async function emailRegistrants(payload: Payload, req: PayloadRequest, input: TBroadcast, lang: Lang = 'vi'): Promise<BroadcastResult> {
  const event = await scopedEvent(payload, req, input.event, 'vi')
  const titleEn = (await payload.findByID({ collection: 'events', id: event.id, depth: 0, locale: 'en', select: { title: true } })).title
  const statuses = [...new Set(input.groups.flatMap((g) => RECIPIENT_GROUPS[g].statuses))]
  const regs = await payload.find({
    collection: 'registrations',
    where: { and: [{ event: { equals: event.id } }, { status: { in: statuses } }, { 'guardian.email': { exists: true } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    select: { guardian: true },
  })
  const byAddress = new Map<string, Id[]>()
  for (const r of regs.docs) {
    const address = r.guardian?.email?.trim().toLowerCase()
    if (!address) continue
    byAddress.set(address, [...(byAddress.get(address) ?? []), r.id])
  }
  const html = broadcastHtml({ titleVi: event.title, titleEn, message: input.message, organiser: event.organiser?.name })
  const text = `${input.message}\n\n— ${event.title}\n\nTổng đài quốc gia bảo vệ trẻ em 111 / National child protection hotline 111`
  const content = createHash('sha256').update(`${input.subject}\u0000${input.message}`).digest('hex').slice(0, 32)
  let queued = 0
  for (const to of byAddress.keys()) {
    const res = await enqueueEmail(payload, {
      to,
      subject: input.subject,
      html,
      text,
      replyTo: event.organiser?.email ?? undefined,
      dedupeKey: `broadcast:${event.id}:${content}:${to}`,
    })
    if (res.created) queued++
  }
  const result = { recipients: byAddress.size, queued, alreadyQueued: byAddress.size - queued }
  await audit(
    payload,
    {
      action: 'email-registrants',
      resource: 'registrations',
      event: event.id,
      documentIds: [...byAddress.values()].flat(),
      summary: `"${input.subject}" to ${input.groups.join('+')}: ${result.queued} queued, ${result.alreadyQueued} already queued (${lang})`,
    },
    req,
  )
  return result
}
