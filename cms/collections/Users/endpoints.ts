/**
 * POST /api/users/forgot-password, in place of Payload's own (collection endpoints come first):
 * counted per client address, answered at once with Payload's usual answer, the work done
 * afterwards (cms/services/staff-login.ts), so the answer is the same, as fast, for any address.
 */
import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'
import { resetPasswordLater, takeResetRequest } from '../../services/staff-login'
import { addressOf, tooManyAttempts } from './hooks/throttleLogin'

/** The one path for REST and GraphQL: throws 429, or queues the reset and returns. */
export async function forgotPasswordOffPath(req: Parameters<Endpoint['handler']>[0], email: unknown): Promise<void> {
  if (typeof email !== 'string' || !email.trim()) throw new APIError('Missing email.', 400) // Payload's own answer
  const wait = await takeResetRequest(addressOf(req))
  if (wait !== null) throw tooManyAttempts(req, wait, 'reset')
  resetPasswordLater(req.payload, email)
}

export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    await forgotPasswordOffPath(req, req.data?.email)
    return Response.json({ message: req.t('general:success') })
  },
}
