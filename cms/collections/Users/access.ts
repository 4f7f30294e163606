import { adminOrSelf, isAdmin } from '../../access/roles'
import type { CollectionConfig } from 'payload'

/** Admins manage staff accounts; every staff user can read and update their own. */
export const usersAccess: CollectionConfig['access'] = {
  admin: ({ req }) => Boolean(req.user),
  create: isAdmin,
  read: adminOrSelf,
  update: adminOrSelf,
  delete: isAdmin,
  unlock: isAdmin,
}
