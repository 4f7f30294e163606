/**
 * An entry's private downloads, behind its manage link: everything held about the child as
 * JSON, and the small copy of the picture — the family's own, never a public file (no-store,
 * noindex, no referrer).
 */
import { entriesFrom } from './cms'

const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' }
const notFound = () => new Response('Not found', { status: 404, headers: { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8' } })

/** GET …/<token>/data.json */
export async function entryDataResponse(locals: App.Locals, token: string): Promise<Response> {
  const data = await entriesFrom(locals).dataExport(token)
  if (!data) return notFound()
  return new Response(JSON.stringify(data, null, 2), {
    headers: { ...PRIVATE, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${String(data.reference)}.json"` },
  })
}

/** GET …/<token>/tranh.webp */
export async function entryPictureResponse(locals: App.Locals, token: string): Promise<Response> {
  const picture = await entriesFrom(locals).picture(token)
  if (!picture) return notFound()
  return new Response(new Uint8Array(picture), { headers: { ...PRIVATE, 'content-type': 'image/webp', 'content-length': String(picture.byteLength) } })
}
