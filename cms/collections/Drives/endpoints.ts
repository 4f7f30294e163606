/**
 * - GET /api/drives/:id/export?what=donors|receipts&format=csv|xlsx&lang=vi|en
 *   a drive's donor list or its receipts (fund officers and admins; each export is logged).
 *   `format` defaults to csv, `lang` to the officer's language.
 */
import type { Endpoint } from 'payload'
import { isLang, reqLang } from '../../i18n/messages'
import { EXPORT_FORMATS, downloadResponse, type ExportFormat } from '../../services/exports'
import { DRIVE_EXPORTS, exportDrive, type DriveExport } from '../../services/fund-exports'
import { StaffError, parseId, staffEndpoint } from '../../services/staff'

const isFormat = (v: unknown): v is ExportFormat => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v)
const isWhat = (v: unknown): v is DriveExport => typeof v === 'string' && (DRIVE_EXPORTS as readonly string[]).includes(v)

export const driveExportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: staffEndpoint(async (req) => {
    const driveId = parseId(req.routeParams?.id)
    if (driveId === null) throw new StaffError('driveNotFound', 404)
    const what = req.query?.what ?? 'donors'
    if (!isWhat(what)) throw new StaffError('badExportKind', 400)
    const format = req.query?.format ?? 'csv'
    if (!isFormat(format)) throw new StaffError('badFormat', 400)
    const lang = isLang(req.query?.lang) ? req.query.lang : reqLang(req)
    return downloadResponse(await exportDrive(req.payload, req, { driveId, what, format, lang }))
  }),
}
