/**
 * Staff endpoint on aid recipients (admins, and coordinators for the communes they cover):
 * - POST /api/aid-recipients/import?area=ID&mode=preview|import[&lang=vi|en]
 *   body: multipart/form-data with `file` (CSV or XLSX), or JSON `{ area, mode, text }` (a pasted list);
 *   `area` and `mode` may come in the query, in the JSON, or in the multipart `_payload` JSON.
 *   Answers `ImportResult` (cms/services/aid-recipients.ts): every line with its status and translated messages.
 */
import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { isLang, reqLang } from '../../i18n/messages'
import { AidError, IMPORT_MODES, importAidList, readAidListFile, type ImportMode } from '../../services/aid-recipients'
import { csvGrid } from '../../services/aid-list'
import { parseId, staffEndpoint } from '../../services/staff'

const isMode = (v: unknown): v is ImportMode => typeof v === 'string' && (IMPORT_MODES as readonly string[]).includes(v)

export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: staffEndpoint(async (req) => {
    const lang = isLang(req.query?.lang) ? req.query.lang : reqLang(req)
    try {
      await addDataAndFileToRequest(req)
      const data: Record<string, unknown> = req.data ?? {}
      const mode = req.query?.mode ?? data.mode ?? 'preview'
      if (!isMode(mode)) throw new AidError(lang, 'importBadMode', 400)
      const area = parseId(req.query?.area ?? data.area)
      const grid = req.file ? await readAidListFile(new Uint8Array(req.file.data), lang) : csvGrid(typeof data.text === 'string' ? data.text : '')
      const result = await importAidList(req.payload, req, { area, grid, mode, lang })
      return Response.json(result, { status: mode === 'import' && result.counts.created > 0 ? 201 : 200, headers: { 'cache-control': 'no-store' } })
    } catch (err) {
      if (err instanceof AidError) return Response.json({ error: err.message }, { status: err.status })
      throw err
    }
  }),
}
