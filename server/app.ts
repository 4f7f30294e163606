/**
 * One origin, one process: the public site (Astro, built into dist/site) at `/` and `/en/`,
 * the Payload admin and API (Next, built into cms/.next) at `/admin` and `/api`.
 *
 * Order of a site request: static files (dist/site/client) → in-memory page cache → Astro.
 * Payload is started here first; Next's route handlers find the same instance through
 * Payload's getPayload cache, so every hook runs in this process's module graph and can drop
 * cached pages directly. While the database cannot be reached, the site answers 503 with the
 * hotline and the server keeps retrying.
 */
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Payload } from 'payload'
import sirv from 'sirv'
import { startPayload } from '../cms/bootstrap'
import type { AppEnv } from '../cms/env'
import { seedDemoContent } from '../cms/seed'
import { startBackground } from '../cms/services/background'
import type { Runner } from '../cms/services/jobs'
import { QuietGate } from './quiet'
import { unavailableHtml } from '../site/lib/unavailable'
import { langFromPath } from '../site/i18n/routes'
import { clearOnContentChange, PageCache, sendCached } from './page-cache'
import { BODY_REFUSED_HEADER, bodyLimitOf, countBody, declaredTooLarge, sendSiteTooLarge, sendsBody, sendTooLarge, siteBodyLimit } from './body-limit'
import { UploadGate } from './upload-gate'
import { BODY_LIMITS, UPLOADS_AT_ONCE } from '../cms/limits'
import { canonicalPath, requestTarget } from './paths'
import { adminHeaders, siteHeaders } from './security-headers'
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../cms/services/client-address'
import { publicFiles, type PublicFiles } from './public-files'

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void, locals?: object) => Promise<void> | void

export type AppServer = {
  server: http.Server
  cache: PageCache
  /** Resolves once Payload is up (migrations applied, demo content loaded when asked). */
  ready: Promise<Payload>
  url: string
  close(): Promise<void>
}

const NEXT_PREFIXES = ['/admin', '/api', '/_next']
const isNextPath = (pathname: string) => NEXT_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))

function log(message: string): void {
  process.stdout.write(`[server] ${message}\n`)
}

export async function createAppServer(appEnv: AppEnv, options: { retryMs?: number } = {}): Promise<AppServer> {
  const retryMs = options.retryMs ?? 5_000
  const SITE_HEADERS = siteHeaders(appEnv.isProduction)
  const ADMIN_HEADERS = adminHeaders(appEnv.isProduction)
  const cache = new PageCache()
  const stopWatching = clearOnContentChange(cache)
  // contest entries Astro reads at once (it holds each whole body in memory): cms/limits.ts
  const uploads = new UploadGate(UPLOADS_AT_ONCE * BODY_LIMITS.publicUpload)
  let payload: Payload | null = null
  /** uploaded files the public may read, served without Next (server/public-files.ts) */
  let files: PublicFiles | null = null
  let closed = false
  const timers = new Set<NodeJS.Timeout>()

  // Background work (mail, notices, chores, scheduled publishing) waits while requests are
  // being answered (at most 30 s): see server/quiet.ts and cms/services/background.ts.
  const gate = new QuietGate()
  let background: Runner | null = null

  // --- Payload, retried until the database answers
  const ready = new Promise<Payload>((resolve) => {
    const attempt = async () => {
      try {
        const instance = await startPayload()
        if (appEnv.seedDemo) {
          const report = await seedDemoContent(instance, { contentDir: path.join(appEnv.root, 'content') })
          log(`demo content: ${report.created} created, ${report.existing} already there`)
        }
        if (!closed) {
          const started = await startBackground(instance, appEnv, { quiet: gate, log })
          if (closed) await started.stop() // closed while it started
          else background = started
        }
        payload = instance
        files = publicFiles(instance)
        resolve(instance)
      } catch (err) {
        if (closed) return
        log(`cannot start the CMS (${err instanceof Error ? err.message : String(err)}); retrying in ${retryMs / 1000} s`)
        const t = setTimeout(() => {
          timers.delete(t)
          void attempt()
        }, retryMs)
        timers.add(t)
      }
    }
    void attempt()
  })

  // --- Next (admin + API), Astro (site), static files
  const { default: next } = await import('next')
  const nextApp = next({ dev: false, dir: path.join(appEnv.root, 'cms'), customServer: true, hostname: appEnv.host, port: appEnv.port || undefined })
  await nextApp.prepare()
  const nextHandle = nextApp.getRequestHandler()

  const entry = pathToFileURL(path.join(appEnv.root, 'dist', 'site', 'server', 'entry.mjs')).href
  const astro = (await import(entry)) as { handler: NodeHandler }

  const serveStatic = sirv(path.join(appEnv.root, 'dist', 'site', 'client'), {
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (res, pathname) => {
      // built files are named by their content: kept for a year; the few others (favicon) for a day
      res.setHeader('cache-control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=86400')
    },
  })

  const unavailable = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    const wantsJson = isNextPath(pathname) && !pathname.startsWith('/admin')
    const body = wantsJson
      ? JSON.stringify({ errors: [{ message: 'Service temporarily unavailable' }] })
      : unavailableHtml(langFromPath(pathname))
    res.writeHead(503, {
      ...(isNextPath(pathname) ? ADMIN_HEADERS : SITE_HEADERS),
      'content-type': wantsJson ? 'application/json' : 'text/html; charset=utf-8',
      'retry-after': '30',
      'cache-control': 'no-store',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const renderSite = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: string) => {
    const method = req.method ?? 'GET'
    const readOnly = method === 'GET' || method === 'HEAD'
    // A GET or HEAD path here is canonical (its variants were redirected): it is the cache key.
    const cacheable = readOnly && !search && !pathname.startsWith('/preview/')
    if (cacheable) {
      const hit = cache.get(pathname)
      if (hit) {
        sendCached(req, res, hit, SITE_HEADERS)
        return
      }
    }
    void astro.handler(
      req,
      res,
      () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('Not found')
      },
      { payload, siteURL: appEnv.serverURL, cacheSlot: cacheable && method === 'GET' ? cache.slot(pathname) : null },
    )
  }

  /**
   * A page asked for by another spelling of its path (`/chien-dich//`, `/%63hien-dich/`, no
   * trailing slash) is sent to the canonical one, on this origin, rather than rendered again or
   * cached a second time. Null when the path is already canonical.
   */
  const canonicalLocation = (pathname: string, search: string): string | null => {
    let target = canonicalPath(pathname)
    if (!isNextPath(target) && !target.endsWith('/') && !path.posix.extname(target)) target = `${target}/`
    return target === pathname ? null : `${target}${search}`
  }

  const toNext = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    for (const [name, value] of Object.entries(ADMIN_HEADERS)) res.setHeader(name, value)
    if (!payload) return unavailable(req, res, pathname)
    const limit = bodyLimitOf(req)
    if (declaredTooLarge(req, limit)) return sendTooLarge(req, res, limit, ADMIN_HEADERS)
    countBody(req, limit, () => sendTooLarge(req, res, limit, ADMIN_HEADERS))
    // Staff work in Vietnamese unless they chose English in the admin (Payload's language cookie):
    // the browser's own language is not a choice they made here.
    if (!/(?:^|;\s*)payload-lng=/.test(req.headers.cookie ?? '')) req.headers['accept-language'] = 'vi'
    if (!files) return void nextHandle(req, res)
    files.handle(req, res, pathname, {}).then(
      (done) => {
        if (!done) void nextHandle(req, res)
      },
      (err: unknown) => {
        log(`public file ${pathname}: ${err instanceof Error ? err.message : String(err)}`)
        if (!res.headersSent) void nextHandle(req, res)
      },
    )
  }

  /**
   * A form posted to a page (`?_action=…`) with a body over its action's limit: the page answers
   * it — 413, the form again and the message in the visitor's language, as it did when Astro
   * refused it — and the body is never read. Astro is handed an empty form instead, marked with
   * the limit (BODY_REFUSED_HEADER, which the actions turn into CONTENT_TOO_LARGE); the
   * connection closes after the answer, so the rest of the body is not read either.
   */
  const refuseIntoPage = (req: http.IncomingMessage, res: http.ServerResponse, limit: number) => {
    req.headers[BODY_REFUSED_HEADER] = String(limit)
    req.headers['content-type'] = 'application/x-www-form-urlencoded'
    req.headers['content-length'] = '0'
    delete req.headers['transfer-encoding']
    // Astro's Node adapter takes a request's `body`, when there is one, instead of reading the stream
    Object.assign(req, { body: Buffer.alloc(0) })
    res.setHeader('connection', 'close')
  }

  /**
   * The body limit of a request for the public site (server/body-limit.ts `siteBodyLimit`),
   * before Astro reads a byte; then, for a contest entry, a place at the upload gate. Calls
   * `go` when the request may go on; answers 413 itself otherwise.
   */
  const admitSiteBody = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: string, go: () => void) => {
    const body = siteBodyLimit(pathname, search)
    const lang = langFromPath(pathname)
    if (declaredTooLarge(req, body.limit)) {
      if (body.action === null || body.rpc || req.method !== 'POST') return sendSiteTooLarge(req, res, body.limit, SITE_HEADERS, lang)
      refuseIntoPage(req, res, body.limit)
      return go()
    }
    countBody(req, body.limit, () => sendSiteTooLarge(req, res, body.limit, SITE_HEADERS, lang))
    if (body.kind !== 'upload') return go()
    const declared = Number(req.headers['content-length'] ?? body.limit)
    uploads.admit(Number.isFinite(declared) ? declared : body.limit, res, go)
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    gate.track(res)
    // Decided once, here, for Payload and Astro alike; a copy the client sent is overwritten.
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], appEnv.forms.trustProxy)
    const target = requestTarget(req.url)
    if (!target) {
      res.writeHead(400, SITE_HEADERS).end()
      return
    }
    const { pathname, search } = target
    if (isNextPath(pathname)) return toNext(req, res, pathname)
    if (req.method === 'GET' || req.method === 'HEAD') {
      const location = canonicalLocation(pathname, search)
      if (location) {
        res.writeHead(301, { ...SITE_HEADERS, location })
        res.end()
        return
      }
      // A page kept in memory goes out at once. Only what Astro rendered is ever kept, never a
      // path the static files answer, so looking here first changes no answer.
      const hit = payload && !search ? cache.get(pathname) : undefined
      if (hit) return sendCached(req, res, hit, SITE_HEADERS)
    }
    for (const [name, value] of Object.entries(SITE_HEADERS)) res.setHeader(name, value)
    // only the server marks a body it refused
    delete req.headers[BODY_REFUSED_HEADER]
    const site = () =>
      serveStatic(req, res, () => {
        if (!payload) return unavailable(req, res, pathname)
        renderSite(req, res, pathname, search)
      })
    if (sendsBody(req.method)) return admitSiteBody(req, res, pathname, search, site)
    site()
  }

  const server = http.createServer(handle)
  // `Expect: 100-continue`: a body declared too large is refused before the client sends it.
  server.on('checkContinue', (req, res) => {
    const target = requestTarget(req.url)
    if (target && isNextPath(target.pathname) && declaredTooLarge(req, bodyLimitOf(req))) return sendTooLarge(req, res, bodyLimitOf(req), ADMIN_HEADERS)
    // a site request over its limit is answered without asking for the body (its page says so)
    if (!(target && !isNextPath(target.pathname) && declaredTooLarge(req, siteBodyLimit(target.pathname, target.search).limit))) res.writeContinue()
    handle(req, res)
  })
  server.keepAliveTimeout = 65_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(appEnv.port, appEnv.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : appEnv.port
  const url = `http://${appEnv.host.includes(':') ? `[${appEnv.host}]` : appEnv.host}:${port}`

  return {
    server,
    cache,
    ready,
    url,
    async close() {
      closed = true
      stopWatching()
      for (const t of timers) clearTimeout(t)
      files?.stop()
      await background?.stop()
      gate.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await nextApp.close().catch(() => undefined)
      if (payload) await payload.destroy().catch(() => undefined)
    },
  }
}
