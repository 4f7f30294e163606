/**
 * Staff endpoints on registrations (signed-in staff; each service checks the event's scope):
 * - GET  /api/registrations/export?event=ID&format=csv|xlsx[&lang=en]
 * - POST /api/registrations/:id/check-in   { session?: number }  (today's session when omitted)
 * - POST /api/registrations/:id/cancel   (frees the seat, moves the waitlist up, emails)
 * - POST /api/registrations/email-registrants   { event, subject, message, groups: ['confirmed' | 'waitlisted'] }
 * - GET  /api/registrations/:id/seat   (the seat held, and whether it is a priority seat to verify)
 * - POST /api/registrations/:id/verify-priority   (the priority group was checked: the reserved seat stands)
 * - POST /api/registrations/:id/release-priority   (it could not be: the child is placed again like any other)
 * - POST /api/registrations/:id/no-show   (a child with a seat who came to no session)
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { isLang, reqLang } from '../../i18n/messages'
import { emailRegistrants, parseBroadcast } from '../../services/broadcast'
import { cancelByStaff } from '../../services/cancellation'
import { markNoShow, recordAttendance } from '../../services/checkin'
import { prioritySeat, releasePriority, verifyPriority } from '../../services/priority'
import { EXPORT_FORMATS, downloadResponse, exportRegistrations, type ExportFormat } from '../../services/exports'
import type { Id } from '../../services/ids'
import { StaffError, parseId, staffEndpoint } from '../../services/staff'

const isFormat = (v: unknown): v is ExportFormat => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v)

async function body(req: { json?: () => Promise<unknown> }): Promise<Record<string, unknown>> {
  const data: unknown = await req.json?.().catch(() => null)
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
}

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: staffEndpoint(async (req) => {
    const eventId = parseId(req.query?.event)
    if (eventId === null) throw new StaffError('eventNotFound', 404)
    const format = req.query?.format ?? 'csv'
    if (!isFormat(format)) throw new StaffError('badFormat', 400)
    const lang = isLang(req.query?.lang) ? req.query.lang : reqLang(req)
    return downloadResponse(await exportRegistrations(req.payload, req, { eventId, format, lang }))
  }),
}

export const checkInEndpoint: Endpoint = {
  path: '/:id/check-in',
  method: 'post',
  handler: staffEndpoint(async (req) => {
    const id = parseId(req.routeParams?.id)
    if (id === null) throw new StaffError('registrationNotFound', 404)
    const { session } = await body(req)
    const chosen = session === undefined || session === null || session === '' ? null : Number(session)
    const result = await recordAttendance(req.payload, req, { registrationId: id, session: chosen })
    return Response.json(result, { status: result.recorded ? 201 : 200 })
  }),
}

export const emailRegistrantsEndpoint: Endpoint = {
  path: '/email-registrants',
  method: 'post',
  handler: staffEndpoint(async (req) => {
    const input = parseBroadcast(await body(req))
    return Response.json(await emailRegistrants(req.payload, req, input, reqLang(req)))
  }),
}


/** A staff operation on one registration, answered as JSON. */
function onRegistration(method: 'get' | 'post', path: string, run: (req: PayloadRequest, id: Id) => Promise<unknown>): Endpoint {
  return {
    path: `/:id/${path}`,
    method,
    handler: staffEndpoint(async (req) => {
      const id = parseId(req.routeParams?.id)
      if (id === null) throw new StaffError('registrationNotFound', 404)
      return Response.json(await run(req, id))
    }),
  }
}

export const seatEndpoint = onRegistration('get', 'seat', (req, id) => prioritySeat(req.payload, req, id))
export const verifyPriorityEndpoint = onRegistration('post', 'verify-priority', (req, id) => verifyPriority(req.payload, req, id))
export const releasePriorityEndpoint = onRegistration('post', 'release-priority', (req, id) => releasePriority(req.payload, req, id))
export const noShowEndpoint = onRegistration('post', 'no-show', (req, id) => markNoShow(req.payload, req, id))
export const cancelEndpoint = onRegistration('post', 'cancel', (req, id) => cancelByStaff(req.payload, req, id))
