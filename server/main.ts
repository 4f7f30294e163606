/**
 * The production server, as run by `npm run serve` (server/serve.ts) and `npm start` (APP_ENV=production unless set). Reads the
 * environment once (cms/env.ts), starts the composed server and stops it cleanly on SIGTERM.
 */
import { env } from '../cms/env'
import { collectStartupGarbage } from './runtime'

export async function runServer(banner?: (url: string) => string): Promise<void> {
  if (process.env.NODE_ENV !== 'production') {
    process.stderr.write('The server runs built code: start it with NODE_ENV=production (npm start or npm run serve do).\n')
    process.exit(1)
  }
  const appEnv = env()
  for (const warning of appEnv.warnings) process.stdout.write(`[server] ${warning}\n`)
  const { createAppServer } = await import('./app')
  const started = Date.now()
  const app = await createAppServer(appEnv)
  process.stdout.write(`[server] listening on ${app.url} (${appEnv.appEnv}, ${appEnv.database.kind})\n`)
  await app.ready
  collectStartupGarbage()
  process.stdout.write(`[server] ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  if (banner) process.stdout.write(banner(appEnv.serverURL))
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`[server] ${signal}: stopping\n`)
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
