/** GET …/<token>/data.json: everything held about the child of a manage link, as a download. */
import { signUpsFrom } from './cms'

export async function manageDataResponse(locals: App.Locals, token: string): Promise<Response> {
  const data = await signUpsFrom(locals).dataExport(token)
  const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' }
  if (!data) return new Response('Not found', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${String(data.reference)}.json"`,
    },
  })
}
