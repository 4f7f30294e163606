/**
 * What every editorial collection (campaigns, news, later pages) shares: drafts with versions
 * and scheduled publishing, editors-only writes, the public seeing published documents only,
 * a preview of drafts on the site, and the site's page cache told about every change.
 */
import type { CollectionConfig } from 'payload'
import type { Access } from 'payload'
import { checkRole, isEditor, type Role } from '../access/roles'
import { env } from '../env'
import { announceAfterChange, announceAfterDelete } from '../hooks/announceChange'

type Editorial = Pick<CollectionConfig, 'versions' | 'access' | 'hooks'> & {
  preview: NonNullable<CollectionConfig['admin']>['preview']
}

/**
 * `writers`: who writes and sees drafts besides editors (e.g. fund officers for gift drives).
 */
export function editorial(slug: 'campaigns' | 'posts' | 'drives' | 'contests', hooks: CollectionConfig['hooks'] = {}, writers: readonly Role[] = []): Editorial {
  const roles: readonly Role[] = ['admin', 'editor', ...writers]
  const write: Access = writers.length ? ({ req }) => checkRole(roles, req.user) : isEditor
  const read: Access = ({ req }) => (checkRole(roles, req.user) ? true : { _status: { equals: 'published' } })
  return {
    preview: (doc, { locale }) =>
      typeof doc.id === 'number' || typeof doc.id === 'string' ? `${env().serverURL}/preview/${slug}/${doc.id}?locale=${locale}` : null,
    versions: { maxPerDoc: 50, drafts: { schedulePublish: true } },
    access: {
      read,
      readVersions: write,
      create: write,
      update: write,
      delete: write,
    },
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), announceAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), announceAfterDelete],
    },
  }
}
