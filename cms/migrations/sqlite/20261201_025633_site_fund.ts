import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site\` ADD \`fund_address\` text;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`fund_phone\` text;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`fund_email\` text;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`fund_tax_code\` text;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`fund_signer_name\` text;`)
  await db.run(sql`ALTER TABLE \`site_locales\` ADD \`fund_name\` text;`)
  await db.run(sql`ALTER TABLE \`site_locales\` ADD \`fund_signer_title\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`fund_address\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`fund_phone\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`fund_email\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`fund_tax_code\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`fund_signer_name\`;`)
  await db.run(sql`ALTER TABLE \`site_locales\` DROP COLUMN \`fund_name\`;`)
  await db.run(sql`ALTER TABLE \`site_locales\` DROP COLUMN \`fund_signer_title\`;`)
}
