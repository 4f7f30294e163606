import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_log_action" AS ENUM('read-list', 'read-one', 'export-csv', 'export-xlsx', 'update', 'check-in', 'email-registrants', 'guardian-download', 'guardian-cancel');
  CREATE TABLE "registrations_attendance" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"session" numeric NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"by_id" integer
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user_id" integer,
  	"user_email" varchar,
  	"action" "enum_audit_log_action" NOT NULL,
  	"resource" varchar NOT NULL,
  	"event_id" integer,
  	"document_ids" jsonb,
  	"count" numeric,
  	"summary" varchar,
  	"ip" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "registrations" ADD COLUMN "confirmation_queued_at" timestamp(3) with time zone;
  ALTER TABLE "registrations" ADD COLUMN "reminded_at" timestamp(3) with time zone;
  ALTER TABLE "registrations" ADD COLUMN "cancelled_at" timestamp(3) with time zone;
  ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "registrations_attendance" ADD CONSTRAINT "registrations_attendance_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registrations_attendance" ADD CONSTRAINT "registrations_attendance_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "registrations_attendance_order_idx" ON "registrations_attendance" USING btree ("_order");
  CREATE INDEX "registrations_attendance_parent_id_idx" ON "registrations_attendance" USING btree ("_parent_id");
  CREATE INDEX "registrations_attendance_by_idx" ON "registrations_attendance" USING btree ("by_id");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_event_idx" ON "audit_log" USING btree ("event_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "registrations_confirmation_queued_at_idx" ON "registrations" USING btree ("confirmation_queued_at");
  CREATE INDEX "registrations_reminded_at_idx" ON "registrations" USING btree ("reminded_at");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "registrations_attendance" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "registrations_attendance" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_log_fk";
  
  DROP INDEX "registrations_confirmation_queued_at_idx";
  DROP INDEX "registrations_reminded_at_idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  ALTER TABLE "registrations" DROP COLUMN "confirmation_queued_at";
  ALTER TABLE "registrations" DROP COLUMN "reminded_at";
  ALTER TABLE "registrations" DROP COLUMN "cancelled_at";
  ALTER TABLE "email_outbox" DROP COLUMN "attachments";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  DROP TYPE "public"."enum_audit_log_action";`)
}
