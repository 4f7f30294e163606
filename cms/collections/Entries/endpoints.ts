/**
 * The judging operations on one entry (cms/services/judging-staff.ts):
 * - GET  /api/entries/:id/picture?size=large|small  the processed picture (WebP), read as the
 *        requesting user: a judge gets only the entries of their current round, organisers every
 *        one; anybody else (the public included) a 404. Sent as "<entryCode>.webp", never cached,
 *        so neither the file's name nor its address says anything of the child.
 * - POST /api/entries/:id/score  `{ round, decision?, marks?: { criterionId: n }, comment?, conflict? }`
 *        the judge's score (cms/services/judging.ts submitScore): 200 `{ ok: true, total }`;
 *        400 for a form the round's rules refuse, 403 not on the jury, 404 an entry the judge
 *        cannot see, 409 scored already / round closed / results out. Refusals are `{ error }`
 *        in the admin's language.
 * - POST /api/entries/:id/tie-break  `{ tieBreak: n | null }` the organisers' order among equal
 *        scores (organisers; audited).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Endpoint, PayloadRequest } from 'payload'
import { env } from '../../env'
import type { Id } from '../../services/ids'
import { submitScore, type ScoreRefusal } from '../../services/judging'
import { JudgingError, entryPicture, judgingEndpoint, setTieBreak, staffUser, staffWithdrawPublication } from '../../services/judging-staff'
import { parseId } from '../../services/staff'
import { ZScoreBody, ZTieBreakBody } from './score.schema'

async function jsonBody(req: PayloadRequest): Promise<unknown> {
  return (await req.json?.().catch(() => null)) ?? null
}

function entryIdOf(req: PayloadRequest): Id {
  const id = parseId(req.routeParams?.id)
  if (id === null) throw new JudgingError('entryNotFound', 404)
  return id
}

/** A file as a web stream, read as it is sent (with back-pressure: a chunk is read when the client takes one). */
function fileStream(file: string): ReadableStream<Uint8Array> {
  const chunks: AsyncIterator<Buffer> = createReadStream(file)[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next()
      if (done) controller.close()
      else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
    },
    async cancel() {
      await chunks.return?.()
    },
  })
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } })

export const pictureEndpoint: Endpoint = {
  path: '/:id/picture',
  method: 'get',
  handler: async (req) => {
    const id = parseId(req.routeParams?.id)
    const size = req.searchParams.get('size') === 'small' ? 'small' : 'large'
    if (id === null) return notFound()
    const picture = await entryPicture(req.payload, staffUser(req.user), id, size, env().mediaDir)
    if (!picture) return notFound()
    const info = await stat(picture.file).catch(() => null)
    if (!info?.isFile()) return notFound()
    return new Response(fileStream(picture.file), {
      headers: {
        'content-type': 'image/webp',
        'content-length': String(info.size),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="${picture.entryCode.replace(/[^A-Za-z0-9_-]/g, '')}.webp"`,
      },
    })
  },
}

const REFUSAL_STATUS: Record<ScoreRefusal, number> = {
  'not-a-judge': 403,
  'round-closed': 409,
  'not-in-round': 409,
  'already-scored': 409,
  'results-published': 409,
  'decision-required': 400,
  'marks-required': 400,
  'mark-out-of-range': 400,
}

export const scoreEndpoint: Endpoint = {
  path: '/:id/score',
  method: 'post',
  handler: judgingEndpoint(async (req, user) => {
    const id = entryIdOf(req)
    const parsed = ZScoreBody.safeParse(await jsonBody(req))
    if (!parsed.success) throw new JudgingError('invalidInput', 400, { details: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].join(', ') })
    // the entry as the judge may read it: one they cannot see does not exist for them
    const visible = await req.payload.findByID({ collection: 'entries', id, overrideAccess: false, user, depth: 0, disableErrors: true, select: { entryCode: true } })
    if (!visible) throw new JudgingError('entryNotFound', 404)
    const { round, ...rest } = parsed.data
    const outcome = await submitScore(req.payload, user, { entryId: visible.id, roundId: round, ...rest })
    if (outcome.kind === 'refused') throw new JudgingError(outcome.reason, REFUSAL_STATUS[outcome.reason])
    return Response.json({ ok: true, total: outcome.total }, { headers: { 'cache-control': 'no-store' } })
  }),
}

export const tieBreakEndpoint: Endpoint = {
  path: '/:id/tie-break',
  method: 'post',
  handler: judgingEndpoint(async (req, user) => {
    const id = entryIdOf(req)
    const parsed = ZTieBreakBody.safeParse(await jsonBody(req))
    if (!parsed.success) throw new JudgingError('tieBreakInvalid', 400)
    return Response.json(await setTieBreak(req.payload, req, user, id, parsed.data.tieBreak), { headers: { 'cache-control': 'no-store' } })
  }),
}

/** POST /api/entries/:id/withdraw-publication — organisers take the picture and name off every public page (audited). */
export const withdrawPublicationEndpoint: Endpoint = {
  path: '/:id/withdraw-publication',
  method: 'post',
  handler: judgingEndpoint(async (req, user) => Response.json(await staffWithdrawPublication(req.payload, req, user, entryIdOf(req)), { headers: { 'cache-control': 'no-store' } })),
}

export const entryEndpoints: Endpoint[] = [pictureEndpoint, scoreEndpoint, tieBreakEndpoint, withdrawPublicationEndpoint]
