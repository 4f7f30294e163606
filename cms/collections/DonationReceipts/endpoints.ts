/**
 * - GET /api/donation-receipts/:id/pdf   the numbered receipt as a PDF, in the donor's language
 *   (fund officers and admins; each download is logged), as an attachment `bien-nhan-<number>.pdf`.
 */
import type { Endpoint } from 'payload'
import { receiptPdfForStaff } from '../../services/fund-staff'
import { StaffError, parseId, staffEndpoint } from '../../services/staff'

export const receiptPdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: staffEndpoint(async (req) => {
    const id = parseId(req.routeParams?.id)
    if (id === null) throw new StaffError('receiptNotFound', 404)
    const { filename, pdf } = await receiptPdfForStaff(req.payload, req, id)
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
