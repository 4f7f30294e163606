/**
 * The guards in front of every public form the site takes (sign-up, pledge), in one place:
 * the per-address rate limit, then the honeypot and the signed form token bound to its form
 * (cms/services/form-guard.ts). They run before the shared schema and the service.
 */
import { env } from '../../../cms/env'
import { checkFormToken, honeypotFilled, HONEYPOT_FIELD, FORM_TOKEN_FIELD, type FormBinding, type FormTokenProblem } from '../../../cms/services/form-guard'
import { takeFormAllowance } from '../../../cms/services/form-guard'

export class TooManyRequests extends Error {
  override name = 'TooManyRequests'
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many submissions; retry in ${retryAfterSeconds} s`)
  }
}

/** Counts one submission from `address`; throws TooManyRequests past the configured rate. */
export async function takeAllowance(address: string): Promise<void> {
  const wait = await takeFormAllowance(address, env().forms.ratePerMinute)
  if (wait !== null) throw new TooManyRequests(wait)
}

/** Why a submitted form is dropped as a robot's or a stale one, or null: honeypot first, then its token. */
export function formProblem(form: FormData, binding: FormBinding): FormTokenProblem | 'honeypot' | null {
  if (honeypotFilled(form.get(HONEYPOT_FIELD))) return 'honeypot'
  return checkFormToken(env().secret, form.get(FORM_TOKEN_FIELD), binding, env().forms.minSeconds)
}
