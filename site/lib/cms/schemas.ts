/**
 * What the sign-up form takes from the shared schema (cms/schemas/signup.ts) for the browser:
 * its messages. Not the schema itself: zod and libphonenumber-js's metadata would weigh more
 * than React, and the Astro Action checks everything with the schema anyway.
 */
import { SIGNUP_MESSAGES, type SignUpMessageKey } from '../../../cms/schemas/signup-messages'

/** How typed days are read (the class-list reader in the browser, the entry schema on the server): one rule, no imports. */
export { normaliseDay } from '../../../cms/schemas/day'

export type { SignUpMessageKey }

/** The messages in one language, handed to the island as a prop (the browser downloads no dictionary). */
export function signUpMessages(lang: 'vi' | 'en'): Record<SignUpMessageKey, string> {
  return Object.fromEntries(Object.entries(SIGNUP_MESSAGES).map(([k, m]) => [k, m[lang]])) as Record<SignUpMessageKey, string>
}
