/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The server's Payload instance (null while the database is unreachable at start-up). */
    payload: import('payload').Payload | null
    /** Public origin, e.g. https://treem.example.vn, for absolute links (Open Graph, RSS, sitemap). */
    siteURL: string
    /** Set by the server when this response may be kept in its page cache. */
    cacheSlot: import('../server/page-cache').CacheSlot | null
  }
}
