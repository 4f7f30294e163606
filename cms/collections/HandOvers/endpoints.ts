/**
 * Staff endpoint on hand-overs (admins: every commune; coordinators: the communes they cover):
 * - GET /api/hand-overs/export?drive=ID&format=csv|xlsx[&lang=vi|en]
 *   A file named ban-giao-<drive slug>-<day>.csv|.xlsx; one audit entry per export.
 */
import type { Endpoint } from 'payload'
import { isLang, reqLang } from '../../i18n/messages'
import { AidError } from '../../services/aid-recipients'
import { EXPORT_FORMATS, type ExportFormat } from '../../services/exports'
import { exportHandOvers } from '../../services/hand-overs'
import { StaffError, parseId, staffEndpoint } from '../../services/staff'

const isFormat = (v: unknown): v is ExportFormat => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v)

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: staffEndpoint(async (req) => {
    const lang = isLang(req.query?.lang) ? req.query.lang : reqLang(req)
    const format = req.query?.format ?? 'csv'
    if (!isFormat(format)) throw new StaffError('badFormat', 400)
    const driveId = parseId(req.query?.drive)
    try {
      if (driveId === null) throw new AidError(lang, 'handOverDriveNotFound', 404)
      const file = await exportHandOvers(req.payload, req, { driveId, format, lang })
      return new Response(file.body, {
        headers: {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      })
    } catch (err) {
      if (err instanceof AidError) return Response.json({ error: err.message }, { status: err.status })
      throw err
    }
  }),
}
