import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_registrations_consents_end_reason" AS ENUM('withdrawn', 'sign-up-cancelled');
  CREATE TABLE "claims" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"pool" varchar NOT NULL,
  	"number" numeric NOT NULL,
  	"claimant" varchar NOT NULL,
  	"part" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_seats_fk";
  
  DROP INDEX "payload_locked_documents_rels_seats_id_idx";
  ALTER TABLE "registrations_consents" ADD COLUMN "end_reason" "enum_registrations_consents_end_reason";
  ALTER TABLE "registrations" ADD COLUMN "priority_check_verified_at" timestamp(3) with time zone;
  ALTER TABLE "registrations" ADD COLUMN "priority_check_verified_by_id" integer;
  ALTER TABLE "registrations" ADD COLUMN "priority_check_released_at" timestamp(3) with time zone;
  ALTER TABLE "registrations" ADD COLUMN "priority_check_released_by_id" integer;
  ALTER TABLE "registrations" ADD COLUMN "staff_note" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "claims_id" integer;
  CREATE INDEX "claims_updated_at_idx" ON "claims" USING btree ("updated_at");
  CREATE INDEX "claims_created_at_idx" ON "claims" USING btree ("created_at");
  CREATE UNIQUE INDEX "pool_number_idx" ON "claims" USING btree ("pool","number");
  CREATE UNIQUE INDEX "claimant_part_idx" ON "claims" USING btree ("claimant","part");
  -- Seats become claims of the capacity engine: an event's open seats (1..open) and reserved seats
  -- (the numbers after them) as two pools. A seat that lost its registration (a replayed sign-up,
  -- a deleted registration) held nobody: it is freed, not copied.
  INSERT INTO "claims" ("pool", "number", "claimant", "part", "updated_at", "created_at")
  SELECT CASE WHEN s."number" > o.open THEN 'events:' || s."event_id" || ':reserved' ELSE 'events:' || s."event_id" || ':open' END,
         CASE WHEN s."number" > o.open THEN s."number" - o.open ELSE s."number" END,
         'registrations:' || s."registration_id", 1, s."updated_at", s."created_at"
  FROM "seats" s
  JOIN (SELECT "id", "capacity" - LEAST(GREATEST(COALESCE("reserved_seats", 0), 0), "capacity") AS open FROM "events") o ON o."id" = s."event_id"
  WHERE s."registration_id" IS NOT NULL
  ORDER BY s."id"
  ON CONFLICT DO NOTHING;
  ALTER TABLE "seats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "seats" CASCADE;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_priority_check_verified_by_id_users_id_fk" FOREIGN KEY ("priority_check_verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_priority_check_released_by_id_users_id_fk" FOREIGN KEY ("priority_check_released_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "registrations_priority_check_priority_check_verified_by_idx" ON "registrations" USING btree ("priority_check_verified_by_id");
  CREATE INDEX "registrations_priority_check_priority_check_released_by_idx" ON "registrations" USING btree ("priority_check_released_by_id");
  CREATE INDEX "payload_locked_documents_rels_claims_id_idx" ON "payload_locked_documents_rels" USING btree ("claims_id");
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "seats_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "seats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"number" numeric NOT NULL,
  	"registration_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "claims" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "claims" CASCADE;
  ALTER TABLE "registrations" DROP CONSTRAINT "registrations_priority_check_verified_by_id_users_id_fk";
  
  ALTER TABLE "registrations" DROP CONSTRAINT "registrations_priority_check_released_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_claims_fk";
  
  DROP INDEX "registrations_priority_check_priority_check_verified_by_idx";
  DROP INDEX "registrations_priority_check_priority_check_released_by_idx";
  DROP INDEX "payload_locked_documents_rels_claims_id_idx";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "seats_id" integer;
  ALTER TABLE "seats" ADD CONSTRAINT "seats_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "seats" ADD CONSTRAINT "seats_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "seats_event_idx" ON "seats" USING btree ("event_id");
  CREATE INDEX "seats_registration_idx" ON "seats" USING btree ("registration_id");
  CREATE INDEX "seats_updated_at_idx" ON "seats" USING btree ("updated_at");
  CREATE INDEX "seats_created_at_idx" ON "seats" USING btree ("created_at");
  CREATE UNIQUE INDEX "event_number_idx" ON "seats" USING btree ("event_id","number");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_seats_fk" FOREIGN KEY ("seats_id") REFERENCES "public"."seats"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_seats_id_idx" ON "payload_locked_documents_rels" USING btree ("seats_id");
  ALTER TABLE "registrations_consents" DROP COLUMN "end_reason";
  ALTER TABLE "registrations" DROP COLUMN "priority_check_verified_at";
  ALTER TABLE "registrations" DROP COLUMN "priority_check_verified_by_id";
  ALTER TABLE "registrations" DROP COLUMN "priority_check_released_at";
  ALTER TABLE "registrations" DROP COLUMN "priority_check_released_by_id";
  ALTER TABLE "registrations" DROP COLUMN "staff_note";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "claims_id";
  DROP TYPE "public"."enum_registrations_consents_end_reason";`)
}
