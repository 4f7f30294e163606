import type { CollectionConfig } from 'payload'
import { ROLES, ROLE_LABELS, adminFieldOnly } from '../../access/roles'
import { passwordResetEmail } from '../../email/passwordReset'
import { env } from '../../env'
import { usersAccess } from './access'
import { forgotPasswordEndpoint } from './endpoints'
import { rememberDevice, throttleLogin } from './hooks/throttleLogin'

/** Staff accounts. The public never logs in; parents and donors act through emailed links. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { vi: 'Cán bộ', en: 'Staff user' },
    plural: { vi: 'Cán bộ', en: 'Staff users' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: { vi: 'Quản trị', en: 'Administration' },
  },
  auth: {
    tokenExpiration: 8 * 60 * 60,
    // No account lockout (anyone could lock a staff member out with wrong passwords): logins are
    // throttled per client address and per account instead, and a browser that has logged in to
    // the account before is never held back by others' failures (cms/services/staff-login.ts).
    maxLoginAttempts: 0,
    cookies: {
      secure: env().isProduction,
      sameSite: 'Lax',
    },
    forgotPassword: {
      expiration: 60 * 60 * 1000,
      generateEmailSubject: () => passwordResetEmail.subject,
      generateEmailHTML: (args) => passwordResetEmail.html(args?.token ?? ''),
    },
  },
  access: usersAccess,
  hooks: {
    beforeOperation: [throttleLogin],
    afterLogin: [rememberDevice],
  },
  endpoints: [forgotPasswordEndpoint],
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { vi: 'Họ và tên', en: 'Full name' },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      label: { vi: 'Vai trò', en: 'Roles' },
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      saveToJWT: true,
      access: {
        create: adminFieldOnly,
        update: adminFieldOnly,
      },
    },
    {
      name: 'areas',
      type: 'relationship',
      relationTo: 'areas',
      hasMany: true,
      label: { vi: 'Địa bàn phụ trách', en: 'Areas covered' },
      admin: {
        description: {
          vi: 'Điều phối viên chỉ thấy dữ liệu của các địa bàn này.',
          en: 'Coordinators see only the data of these areas.',
        },
      },
      access: {
        create: adminFieldOnly,
        update: adminFieldOnly,
      },
    },
  ],
}
