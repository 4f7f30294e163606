import type { CollectionBeforeChangeHook } from 'payload'
import { nextConsentVersion } from '../../../services/events'

type Consent = { version?: string | null; guardian?: string | null; childAssent?: string | null; photo?: string | null }
const texts = (c: Consent | null | undefined) => [c?.guardian, c?.childAssent, c?.photo]

/** Gives the consent wording a new version number whenever its text changes. */
export const versionConsent: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  const next: Consent | undefined = data.consent
  if (!next) return data
  const previous: Consent | undefined = operation === 'update' ? originalDoc?.consent : undefined
  data.consent = { ...next, version: nextConsentVersion(previous ? { version: previous.version, texts: texts(previous) } : null, { version: next.version, texts: texts(next) }) }
  return data
}
