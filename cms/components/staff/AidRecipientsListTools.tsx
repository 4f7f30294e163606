/** Above the aid list (admins and coordinators): the import of a commune's list, for the communes the user keeps. */
import { createLocalReq, type ServerProps } from 'payload'
import { checkRole } from '../../access/roles'
import { communesInScope } from '../../services/aid-recipients'
import { AidListImport } from './AidListImport'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

export async function AidRecipientsListTools({ payload, user, i18n }: ServerProps) {
  if (!user || !checkRole(['admin', 'coordinator'], { ...user, collection: 'users' })) return null
  const lang = uiLang(i18n.language)
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const communes = await communesInScope(payload, req, lang)
  if (!communes.length) return null
  return (
    <>
      <StaffStyles />
      <AidListImport lang={lang} communes={communes} />
    </>
  )
}
