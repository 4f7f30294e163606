import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_outbox" ADD COLUMN "purged_at" timestamp(3) with time zone;
  CREATE INDEX "email_outbox_purged_at_idx" ON "email_outbox" USING btree ("purged_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "email_outbox_purged_at_idx";
  ALTER TABLE "email_outbox" DROP COLUMN "purged_at";`)
}
