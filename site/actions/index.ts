/**
 * Astro Actions: the public site's writes. Plain HTML forms post here (`action={actions.x}`),
 * so they work without JavaScript; the page then renders the result. Everything is checked on
 * the server in site/lib/cms (signup.ts, drives.ts, contests.ts).
 *
 * A body over its action's limit never reaches an action: the server answers it, or — for a
 * form posted to a page — hands Astro an empty form marked with the limit (server/app.ts), which
 * every action turns into CONTENT_TOO_LARGE (413), so the page shows its form and says so.
 * `submitEntry` is the one action allowed an upload (server/body-limit.ts UPLOAD_ACTIONS).
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions'
import { BODY_REFUSED_HEADER } from '../../server/body-limit'
import { clientAddress, entriesFrom, pledgesFrom, signUpsFrom, TooManyRequests } from '../lib/cms'
import { langFromPath } from '../i18n/routes'

function refusedBody(context: ActionAPIContext): void {
  const limit = context.request.headers.get(BODY_REFUSED_HEADER)
  if (limit !== null) throw new ActionError({ code: 'CONTENT_TOO_LARGE', message: limit })
}

/** Runs an action's work: refused at once when the server refused its body, 429 past the per-address rate. */
async function limited<T>(context: ActionAPIContext, work: () => Promise<T>): Promise<T> {
  refusedBody(context)
  try {
    return await work()
  } catch (err) {
    if (err instanceof TooManyRequests) throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: String(err.retryAfterSeconds) })
    throw err
  }
}

export const server = {
  signUp: defineAction({
    accept: 'form',
    handler: (form, context) =>
      limited(context, () =>
        signUpsFrom(context.locals).submit(form, { lang: langFromPath(context.url.pathname), address: clientAddress(context.request, context.clientAddress) }),
      ),
  }),

  pledge: defineAction({
    accept: 'form',
    handler: (form, context) =>
      limited(context, () => pledgesFrom(context.locals).submit(form, { lang: langFromPath(context.url.pathname), address: clientAddress(context.request, context.clientAddress) })),
  }),

  cancelSignUp: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      refusedBody(context)
      const token = form.get('token')
      if (typeof token !== 'string' || form.get('confirm') !== 'on') return { outcome: 'unconfirmed' as const }
      const outcome = await limited(context, () => signUpsFrom(context.locals).cancel(token, { address: clientAddress(context.request, context.clientAddress) }))
      return { outcome }
    },
  }),

  withdrawPhotoConsent: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      refusedBody(context)
      const token = form.get('token')
      if (typeof token !== 'string') return { outcome: 'not-found' as const }
      const outcome = await limited(context, () => signUpsFrom(context.locals).withdrawPhotoConsent(token, { address: clientAddress(context.request, context.clientAddress) }))
      return { outcome }
    },
  }),

  /** A contest entry with its picture: the one action allowed an upload. */
  submitEntry: defineAction({
    accept: 'form',
    handler: (form, context) =>
      limited(context, () => entriesFrom(context.locals).submit(form, { lang: langFromPath(context.url.pathname), address: clientAddress(context.request, context.clientAddress) })),
  }),

  withdrawEntryPublication: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      refusedBody(context)
      const token = form.get('token')
      if (typeof token !== 'string') return { outcome: 'not-found' as const }
      const outcome = await limited(context, () => entriesFrom(context.locals).withdrawPublication(token, { address: clientAddress(context.request, context.clientAddress) }))
      return { outcome }
    },
  }),

  withdrawEntry: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      refusedBody(context)
      const token = form.get('token')
      if (typeof token !== 'string' || form.get('confirm') !== 'on') return { outcome: 'unconfirmed' as const }
      const outcome = await limited(context, () => entriesFrom(context.locals).withdraw(token, { address: clientAddress(context.request, context.clientAddress) }))
      return { outcome }
    },
  }),
}
