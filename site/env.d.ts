/// <reference types="astro/client" />
import type { Payload } from 'payload'
import type { CacheSlot } from '../server/page-cache'

declare global {
  namespace App {
    interface Locals {
      /** The server's Payload instance (null while the database is unreachable at start-up). */
      payload: Payload | null
      /** Public origin, e.g. https://treem.example.vn, for absolute links (Open Graph, RSS, sitemap). */
      siteURL: string
      /** Set by the server when this response may be kept in its page cache. */
      cacheSlot: CacheSlot | null
    }
  }
}

export {}
