import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site" ADD COLUMN "fund_address" varchar;
  ALTER TABLE "site" ADD COLUMN "fund_phone" varchar;
  ALTER TABLE "site" ADD COLUMN "fund_email" varchar;
  ALTER TABLE "site" ADD COLUMN "fund_tax_code" varchar;
  ALTER TABLE "site" ADD COLUMN "fund_signer_name" varchar;
  ALTER TABLE "site_locales" ADD COLUMN "fund_name" varchar;
  ALTER TABLE "site_locales" ADD COLUMN "fund_signer_title" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site" DROP COLUMN "fund_address";
  ALTER TABLE "site" DROP COLUMN "fund_phone";
  ALTER TABLE "site" DROP COLUMN "fund_email";
  ALTER TABLE "site" DROP COLUMN "fund_tax_code";
  ALTER TABLE "site" DROP COLUMN "fund_signer_name";
  ALTER TABLE "site_locales" DROP COLUMN "fund_name";
  ALTER TABLE "site_locales" DROP COLUMN "fund_signer_title";`)
}
