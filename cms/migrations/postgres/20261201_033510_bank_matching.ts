import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_bank_transfers_reason" AS ENUM('no-reference', 'unknown-reference', 'ambiguous', 'pledge-ended', 'account-mismatch', 'amount-invalid');
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'assign-transfer';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'import-statement';
  ALTER TABLE "bank_transfers" ADD COLUMN "reason" "enum_bank_transfers_reason";
  CREATE INDEX "bank_transfers_bank_reference_idx" ON "bank_transfers" USING btree ("bank_reference");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('read-list', 'read-one', 'export-csv', 'export-xlsx', 'update', 'create', 'import', 'check-in', 'email-registrants', 'guardian-download', 'guardian-cancel', 'guardian-withdraw-consent');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  DROP INDEX "bank_transfers_bank_reference_idx";
  ALTER TABLE "bank_transfers" DROP COLUMN "reason";
  DROP TYPE "public"."enum_bank_transfers_reason";`)
}
