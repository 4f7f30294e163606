import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_aid_recipients_priority_group" AS ENUM('poor', 'near-poor', 'special-circumstances', 'disability');
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'create' BEFORE 'check-in';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'import' BEFORE 'check-in';
  CREATE TABLE "aid_recipients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"family_name" varchar,
  	"given_name" varchar NOT NULL,
  	"birth_year" numeric NOT NULL,
  	"birth_date" timestamp(3) with time zone,
  	"area_id" integer NOT NULL,
  	"priority_group" "enum_aid_recipients_priority_group",
  	"guardian_name" varchar,
  	"guardian_phone" varchar,
  	"note" varchar,
  	"full_name" varchar,
  	"created_by_id" integer,
  	"dedupe_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "hand_overs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"drive_id" integer NOT NULL,
  	"item" varchar NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"quantity" numeric DEFAULT 1 NOT NULL,
  	"handed_over_on" timestamp(3) with time zone NOT NULL,
  	"note" varchar,
  	"area_id" integer,
  	"handed_over_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "aid_recipients_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "hand_overs_id" integer;
  ALTER TABLE "aid_recipients" ADD CONSTRAINT "aid_recipients_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "aid_recipients" ADD CONSTRAINT "aid_recipients_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_recipient_id_aid_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."aid_recipients"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_handed_over_by_id_users_id_fk" FOREIGN KEY ("handed_over_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "aid_recipients_area_idx" ON "aid_recipients" USING btree ("area_id");
  CREATE INDEX "aid_recipients_full_name_idx" ON "aid_recipients" USING btree ("full_name");
  CREATE INDEX "aid_recipients_created_by_idx" ON "aid_recipients" USING btree ("created_by_id");
  CREATE UNIQUE INDEX "aid_recipients_dedupe_key_idx" ON "aid_recipients" USING btree ("dedupe_key");
  CREATE INDEX "aid_recipients_updated_at_idx" ON "aid_recipients" USING btree ("updated_at");
  CREATE INDEX "aid_recipients_created_at_idx" ON "aid_recipients" USING btree ("created_at");
  CREATE INDEX "hand_overs_drive_idx" ON "hand_overs" USING btree ("drive_id");
  CREATE INDEX "hand_overs_recipient_idx" ON "hand_overs" USING btree ("recipient_id");
  CREATE INDEX "hand_overs_handed_over_on_idx" ON "hand_overs" USING btree ("handed_over_on");
  CREATE INDEX "hand_overs_area_idx" ON "hand_overs" USING btree ("area_id");
  CREATE INDEX "hand_overs_handed_over_by_idx" ON "hand_overs" USING btree ("handed_over_by_id");
  CREATE INDEX "hand_overs_updated_at_idx" ON "hand_overs" USING btree ("updated_at");
  CREATE INDEX "hand_overs_created_at_idx" ON "hand_overs" USING btree ("created_at");
  CREATE INDEX "drive_area_idx" ON "hand_overs" USING btree ("drive_id","area_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_aid_recipients_fk" FOREIGN KEY ("aid_recipients_id") REFERENCES "public"."aid_recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_hand_overs_fk" FOREIGN KEY ("hand_overs_id") REFERENCES "public"."hand_overs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_aid_recipients_id_idx" ON "payload_locked_documents_rels" USING btree ("aid_recipients_id");
  CREATE INDEX "payload_locked_documents_rels_hand_overs_id_idx" ON "payload_locked_documents_rels" USING btree ("hand_overs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "aid_recipients" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "hand_overs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "aid_recipients" CASCADE;
  DROP TABLE "hand_overs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_aid_recipients_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_hand_overs_fk";
  
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('read-list', 'read-one', 'export-csv', 'export-xlsx', 'update', 'check-in', 'email-registrants', 'guardian-download', 'guardian-cancel', 'guardian-withdraw-consent');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  DROP INDEX "payload_locked_documents_rels_aid_recipients_id_idx";
  DROP INDEX "payload_locked_documents_rels_hand_overs_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "aid_recipients_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "hand_overs_id";
  DROP TYPE "public"."enum_aid_recipients_priority_group";`)
}
