/** `npm run serve`: the production server. Configure it through the environment (see README). */
import './runtime'
import { runServer } from './main'

runServer().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
