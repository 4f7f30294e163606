/**
 * Astro Actions: the public site's writes. Plain HTML forms post here (`action={actions.x}`),
 * so they work without JavaScript; the page then renders the result. Everything is checked on
 * the server in site/lib/cms/signup.ts.
 */
import { ActionError, defineAction } from 'astro:actions'
import { clientAddress, pledgesFrom, signUpsFrom, TooManyRequests } from '../lib/cms'
import { langFromPath } from '../i18n/routes'

async function limited<T>(work: () => Promise<T>): Promise<T> {
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
      limited(() =>
        signUpsFrom(context.locals).submit(form, { lang: langFromPath(context.url.pathname), address: clientAddress(context.request, context.clientAddress) }),
      ),
  }),

  pledge: defineAction({
    accept: 'form',
    handler: (form, context) =>
      limited(() => pledgesFrom(context.locals).submit(form, { lang: langFromPath(context.url.pathname), address: clientAddress(context.request, context.clientAddress) })),
  }),

  cancelSignUp: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      const token = form.get('token')
      if (typeof token !== 'string' || form.get('confirm') !== 'on') return { outcome: 'unconfirmed' as const }
      const outcome = await limited(() => signUpsFrom(context.locals).cancel(token, { address: clientAddress(context.request, context.clientAddress) }))
      return { outcome }
    },
  }),

  withdrawPhotoConsent: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      const token = form.get('token')
      if (typeof token !== 'string') return { outcome: 'not-found' as const }
      const outcome = await limited(() => signUpsFrom(context.locals).withdrawPhotoConsent(token, { address: clientAddress(context.request, context.clientAddress) }))
      return { outcome }
    },
  }),
}
