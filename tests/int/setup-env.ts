import path from 'node:path'
import { inject } from 'vitest'

// Runs in each test worker before its test file is imported.
process.env.DATABASE_URL = inject('databaseUrl') || 'file::memory:'
process.env.MEDIA_DIR = path.join(inject('workDir'), 'media')
process.env.MAIL_DIR = path.join(inject('workDir'), 'mail')
process.env.SERVER_URL = 'http://127.0.0.1:3999'
