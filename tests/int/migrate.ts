/** Applies the committed migrations to DATABASE_URL, as the server does at start. */
import { startPayload } from '../../cms/bootstrap'

const payload = await startPayload()
await payload.destroy()
process.exit(0)
