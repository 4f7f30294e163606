import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Next serves only the Payload admin (/admin) and API (/api); the public site is Astro. */
const nextConfig = {
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  typescript: { ignoreBuildErrors: true, tsconfigPath: '../tsconfig.json' },
  // Share the server's Payload instance and module state instead of bundling a second copy.
  serverExternalPackages: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-postgres', '@payloadcms/db-mongodb', '@payloadcms/drizzle', '@payloadcms/email-nodemailer', '@payloadcms/graphql', 'sharp', 'pdfkit', '@expo-google-fonts/be-vietnam-pro'],
  turbopack: { root },
  outputFileTracingRoot: root,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
