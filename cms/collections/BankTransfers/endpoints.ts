/**
 * Endpoints on bank transfers:
 * - POST /api/bank-transfers/sepay   SePay's webhook (no staff session: the API key in
 *   `Authorization: Apikey <SEPAY_API_KEY>`). Body: SePay's JSON (cms/schemas/sepay.ts).
 *   200 {"success":true} once the transfer is stored (also for one sent before, one that
 *   matches no pledge, money out); 401 {"success":false} for a missing or wrong key; 400
 *   {"success":false,"issues":[…zod issues]} for a body that is not a notification; 503 when no
 *   key is configured; 500 {"success":false} on any other failure, so that SePay sends it again
 *   (receiving it again is harmless: cms/services/bank-matching.ts).
 * - POST /api/bank-transfers/:id/assign   { reference: "TT-7K3QX" }   (fund officers, admins)
 * - POST /api/bank-transfers/statement?mode=preview|import   multipart, field `file` (≤ 5 MB)
 *   (fund officers, admins): preview records nothing; import records every line once.
 */
import { addDataAndFileToRequest, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'
import { env } from '../../env'
import { formatBytes } from '../../limits'
import { ZSepayNotification, sepayKeyMatches, toIncomingTransfer } from '../../schemas/sepay'
import { assignTransfer, canReconcile, importStatement, previewStatement, receiveTransfer } from '../../services/bank-matching'
import { STATEMENT_MAX_BYTES, StatementError, parseBankStatement } from '../../services/bank-statement'
import { StaffError, parseId, staffEndpoint } from '../../services/staff'

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/**
 * The SePay webhook's handler, given where its key comes from (the environment; tests give
 * their own). Nothing is recorded before the key and the body are checked.
 */
export function sepayWebhook(apiKey: () => string | null): PayloadHandler {
  return async (req) => {
    const key = apiKey()
    if (!key) return json({ success: false, error: 'The SePay webhook is not configured on this server (SEPAY_API_KEY is not set).' }, 503)
    if (!sepayKeyMatches(req.headers.get('authorization'), key)) return json({ success: false }, 401)
    let body: unknown
    try {
      body = JSON.parse((await req.text?.()) ?? '')
    } catch {
      return json({ success: false, issues: [{ code: 'invalid-json', path: [], message: 'The body is not JSON.' }] }, 400)
    }
    const parsed = ZSepayNotification.safeParse(body)
    if (!parsed.success) return json({ success: false, issues: parsed.error.issues }, 400)
    try {
      const result = await receiveTransfer(req.payload, toIncomingTransfer(parsed.data))
      req.payload.logger.info({ msg: 'SePay notification', sepayId: parsed.data.id, ...result })
      return json({ success: true })
    } catch (err) {
      // SePay sends again what was not answered 2xx; receiving it again finishes the work
      req.payload.logger.error({ err, msg: `SePay notification ${parsed.data.id} failed` })
      return json({ success: false }, 500)
    }
  }
}

export const sepayEndpoint: Endpoint = { path: '/sepay', method: 'post', handler: sepayWebhook(() => env().sepay.apiKey) }

function fundOnly(req: PayloadRequest): void {
  if (!canReconcile(req.user)) throw new StaffError('fundOnly', 403)
}

export const assignEndpoint: Endpoint = {
  path: '/:id/assign',
  method: 'post',
  handler: staffEndpoint(async (req) => {
    fundOnly(req)
    const id = parseId(req.routeParams?.id)
    if (id === null) throw new StaffError('transferNotFound', 404)
    const data: unknown = await req.json?.().catch(() => null)
    const reference = data && typeof data === 'object' && 'reference' in data && typeof data.reference === 'string' ? data.reference : ''
    return json(await assignTransfer(req.payload, id, reference, req))
  }),
}

export const statementEndpoint: Endpoint = {
  path: '/statement',
  method: 'post',
  handler: staffEndpoint(async (req) => {
    fundOnly(req)
    const mode = req.query?.mode ?? 'preview'
    if (mode !== 'preview' && mode !== 'import') throw new StaffError('statementMode', 400)
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file) throw new StaffError('statementMissing', 400)
    if (file.size > STATEMENT_MAX_BYTES || file.data.byteLength > STATEMENT_MAX_BYTES) throw new StaffError('statementTooLarge', 413, { max: formatBytes(STATEMENT_MAX_BYTES) })
    let parse
    try {
      parse = await parseBankStatement({ name: file.name, bytes: file.data })
    } catch (err) {
      if (!(err instanceof StatementError)) throw err
      if (err.code === 'too-large') throw new StaffError('statementTooLarge', 413, { max: formatBytes(STATEMENT_MAX_BYTES) })
      throw new StaffError(err.code === 'empty' ? 'statementEmpty' : 'statementUnreadable', 400)
    }
    const report = mode === 'import' ? await importStatement(req.payload, parse, req) : await previewStatement(req.payload, parse)
    return json({ ...report, format: parse.format, sheet: parse.sheet, headerRow: parse.headerRow })
  }),
}
