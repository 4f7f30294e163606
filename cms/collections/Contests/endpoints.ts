/**
 * The organisers' judging operations on a contest (admins and editors; each is audited;
 * cms/services/judging-staff.ts):
 * - POST /api/contests/:id/close-round      closes the round being judged: 200 `{ ok, advanced }`
 *        (entries going on), 409 when no round is open or the results are out.
 * - POST /api/contests/:id/publish-results  publishes the results: 200 `{ ok, awarded }`; 409
 *        `{ error, reason }` for 'rounds-open', 'entries-open', 'already-published', or 'ties'
 *        (with `codes`: the entries to order first).
 * - GET  /api/contests/:id/certificates?kind=winners|participants&category=ID&lang=vi|en
 *        one PDF, a page per child (award certificates once published, or participation).
 * Anyone else gets 403 (401 without a session); refusals are `{ error }` in the admin's language.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { isLang, reqLang } from '../../i18n/messages'
import type { Id } from '../../services/ids'
import { JudgingError, certificatesFor, closeRoundByStaff, judgingEndpoint, publishByStaff } from '../../services/judging-staff'
import { parseId } from '../../services/staff'

function contestIdOf(req: PayloadRequest): Id {
  const id = parseId(req.routeParams?.id)
  if (id === null) throw new JudgingError('contestNotFound', 404)
  return id
}

const json = (body: unknown) => Response.json(body, { headers: { 'cache-control': 'no-store' } })

export const closeRoundEndpoint: Endpoint = {
  path: '/:id/close-round',
  method: 'post',
  handler: judgingEndpoint(async (req, user) => {
    const outcome = await closeRoundByStaff(req.payload, req, user, contestIdOf(req))
    return json({ ok: true, advanced: outcome.advanced })
  }),
}

export const publishResultsEndpoint: Endpoint = {
  path: '/:id/publish-results',
  method: 'post',
  handler: judgingEndpoint(async (req, user) => {
    const outcome = await publishByStaff(req.payload, req, user, contestIdOf(req))
    return json({ ok: true, awarded: outcome.awarded })
  }),
}

export const certificatesEndpoint: Endpoint = {
  path: '/:id/certificates',
  method: 'get',
  handler: judgingEndpoint(async (req, user) => {
    const id = contestIdOf(req)
    const kind = req.searchParams.get('kind')
    if (kind !== 'winners' && kind !== 'participants') throw new JudgingError('certificateKind', 400)
    const asked = req.searchParams.get('lang')
    const lang = asked && isLang(asked) ? asked : reqLang(req)
    const { filename, pdf } = await certificatesFor(req.payload, req, user, { contestId: id, kind, category: req.searchParams.get('category'), lang })
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    })
  }),
}

export const contestEndpoints: Endpoint[] = [closeRoundEndpoint, publishResultsEndpoint, certificatesEndpoint]
