import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`email_outbox\` ADD \`purged_at\` text;`)
  await db.run(sql`CREATE INDEX \`email_outbox_purged_at_idx\` ON \`email_outbox\` (\`purged_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`email_outbox_purged_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`email_outbox\` DROP COLUMN \`purged_at\`;`)
}
