/**
 * What every editorial collection (campaigns, news, later pages) shares: drafts with versions
 * and scheduled publishing, editors-only writes, the public seeing published documents only,
 * a preview of drafts on the site, and the site's page cache told about every change.
 */
import type { CollectionConfig } from 'payload'
import { isEditor, publishedOrEditor } from '../access/roles'
import { env } from '../env'
import { announceAfterChange, announceAfterDelete } from '../hooks/announceChange'

type Editorial = Pick<CollectionConfig, 'versions' | 'access' | 'hooks'> & {
  preview: NonNullable<CollectionConfig['admin']>['preview']
}

export function editorial(slug: 'campaigns' | 'posts', hooks: CollectionConfig['hooks'] = {}): Editorial {
  return {
    preview: (doc, { locale }) =>
      typeof doc.id === 'number' || typeof doc.id === 'string' ? `${env().serverURL}/preview/${slug}/${doc.id}?locale=${locale}` : null,
    versions: { maxPerDoc: 50, drafts: { schedulePublish: true } },
    access: {
      read: publishedOrEditor,
      readVersions: isEditor,
      create: isEditor,
      update: isEditor,
      delete: isEditor,
    },
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), announceAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), announceAfterDelete],
    },
  }
}
