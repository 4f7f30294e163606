import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`bank_transfers\` ADD \`reason\` text;`)
  await db.run(sql`CREATE INDEX \`bank_transfers_bank_reference_idx\` ON \`bank_transfers\` (\`bank_reference\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`bank_transfers_bank_reference_idx\`;`)
  await db.run(sql`ALTER TABLE \`bank_transfers\` DROP COLUMN \`reason\`;`)
}
