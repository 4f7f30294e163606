/**
 * Fund officers' operations on a pledge (fund officers and admins; each change is logged):
 * - GET  /api/pledges/:id/ledger    pledged vs received per line, its receipts, which operations apply now
 * - POST /api/pledges/:id/receive   { amount?, items?: [{ item, quantity }], receivedOn?: 'YYYY-MM-DD', key }
 *                                   records a receipt (201; 200 when the same key was recorded before)
 * - POST /api/pledges/:id/cancel    the donor will not give the rest: unreceived item units are freed
 * - POST /api/pledges/:id/lapse     the pledge was never honoured: the same, marked lapsed
 * - POST /api/pledges/:id/thanked   a donor without email, received in full, thanked by phone
 * Refusals are JSON `{ error }` in the officer's language (cms/services/staff.ts).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { endByStaff, pledgeLedger, receiveByStaff, thankedByStaff } from '../../services/fund-staff'
import type { Id } from '../../services/ids'
import { StaffError, parseId, staffEndpoint } from '../../services/staff'

async function body(req: PayloadRequest): Promise<unknown> {
  return (await req.json?.().catch(() => null)) ?? {}
}

/** A fund operation on one pledge, answered as JSON. */
function onPledge(method: 'get' | 'post', path: string, run: (req: PayloadRequest, id: Id) => Promise<{ json: unknown; status?: number }>): Endpoint {
  return {
    path: `/:id/${path}`,
    method,
    handler: staffEndpoint(async (req) => {
      const id = parseId(req.routeParams?.id)
      if (id === null) throw new StaffError('pledgeNotFound', 404)
      const { json, status } = await run(req, id)
      return Response.json(json, { status: status ?? 200, headers: { 'cache-control': 'no-store' } })
    }),
  }
}

export const ledgerEndpoint = onPledge('get', 'ledger', async (req, id) => ({ json: await pledgeLedger(req.payload, req, id) }))
export const receiveEndpoint = onPledge('post', 'receive', async (req, id) => {
  const result = await receiveByStaff(req.payload, req, id, await body(req))
  return { json: result, status: result.created ? 201 : 200 }
})
export const cancelPledgeEndpoint = onPledge('post', 'cancel', async (req, id) => ({ json: await endByStaff(req.payload, req, id, 'cancelled') }))
export const lapsePledgeEndpoint = onPledge('post', 'lapse', async (req, id) => ({ json: await endByStaff(req.payload, req, id, 'lapsed') }))
export const thankedEndpoint = onPledge('post', 'thanked', async (req, id) => ({ json: await thankedByStaff(req.payload, req, id) }))

export const pledgeEndpoints: Endpoint[] = [ledgerEndpoint, receiveEndpoint, cancelPledgeEndpoint, lapsePledgeEndpoint, thankedEndpoint]
