import type { CollectionBeforeChangeHook } from 'payload'
import { nextConsentVersion } from '../../../services/events'

type Consent = { version?: string | null; guardian?: string | null; childAssent?: string | null; photo?: string | null }
const texts = (c: Consent | null | undefined) => [c?.guardian, c?.childAssent, c?.photo]

/**
 * Gives the consent wording a new version number whenever its text changes in a language. A
 * first translation (nothing stored yet in that language) is not a change of wording.
 */
export const versionConsent: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const next: Consent | undefined = data.consent
  if (!next) return data
  let previous: Consent | undefined
  if (operation === 'update' && originalDoc?.id !== undefined) {
    const stored = await req.payload.findByID({
      collection: 'events',
      id: originalDoc.id,
      locale: req.locale ?? undefined,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      req,
    })
    const inThisLanguage: Consent | undefined = stored.consent ?? undefined
    previous = texts(inThisLanguage).some(Boolean) ? { ...inThisLanguage, version: stored.consent?.version } : undefined
  }
  const version = nextConsentVersion(previous ? { version: previous.version, texts: texts(previous) } : null, { version: next.version ?? originalDoc?.consent?.version, texts: texts(next) })
  data.consent = { ...next, version }
  return data
}
