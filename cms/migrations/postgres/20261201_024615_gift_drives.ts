import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_drives_items_kind" AS ENUM('gift', 'scholarship', 'bicycle', 'savings-book', 'milk', 'house', 'insurance-card', 'other');
  CREATE TYPE "public"."enum_drives_kind" AS ENUM('mid-autumn', 'tet', 'scholarship', 'bicycle', 'milk', 'savings-book', 'housing', 'other');
  CREATE TYPE "public"."enum_drives_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__drives_v_version_items_kind" AS ENUM('gift', 'scholarship', 'bicycle', 'savings-book', 'milk', 'house', 'insurance-card', 'other');
  CREATE TYPE "public"."enum__drives_v_version_kind" AS ENUM('mid-autumn', 'tet', 'scholarship', 'bicycle', 'milk', 'savings-book', 'housing', 'other');
  CREATE TYPE "public"."enum__drives_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__drives_v_published_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum_pledges_status" AS ENUM('pending', 'pledged', 'partly-received', 'received', 'thanked', 'cancelled', 'lapsed');
  CREATE TYPE "public"."enum_pledges_donor_kind" AS ENUM('person', 'organisation', 'group');
  CREATE TYPE "public"."enum_pledges_language" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum_donation_receipts_source" AS ENUM('manual', 'bank-transfer', 'statement');
  CREATE TYPE "public"."enum_bank_transfers_source" AS ENUM('sepay', 'statement');
  CREATE TYPE "public"."enum_bank_transfers_direction" AS ENUM('in', 'out');
  CREATE TYPE "public"."enum_bank_transfers_status" AS ENUM('matched', 'unmatched', 'ignored');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'fund';
  CREATE TABLE "drives_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_drives_items_kind" DEFAULT 'gift',
  	"quantity" numeric,
  	"unit_value" numeric,
  	"reaches" numeric
  );
  
  CREATE TABLE "drives_items_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "drives" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"kind" "enum_drives_kind" DEFAULT 'mid-autumn',
  	"campaign_id" integer,
  	"starts_on" timestamp(3) with time zone,
  	"ends_on" timestamp(3) with time zone,
  	"hero_id" integer,
  	"money_goal" numeric,
  	"account_bank_bin" varchar,
  	"account_bank_name" varchar,
  	"account_account_number" varchar,
  	"account_account_name" varchar,
  	"show_amounts" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_drives_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "drives_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"story" jsonb,
  	"drop_off" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "drives_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "_drives_v_version_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__drives_v_version_items_kind" DEFAULT 'gift',
  	"quantity" numeric,
  	"unit_value" numeric,
  	"reaches" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_drives_v_version_items_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_drives_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_kind" "enum__drives_v_version_kind" DEFAULT 'mid-autumn',
  	"version_campaign_id" integer,
  	"version_starts_on" timestamp(3) with time zone,
  	"version_ends_on" timestamp(3) with time zone,
  	"version_hero_id" integer,
  	"version_money_goal" numeric,
  	"version_account_bank_bin" varchar,
  	"version_account_bank_name" varchar,
  	"version_account_account_number" varchar,
  	"version_account_account_name" varchar,
  	"version_show_amounts" boolean DEFAULT true,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__drives_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__drives_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_drives_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_story" jsonb,
  	"version_drop_off" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_drives_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "pledges_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item" varchar NOT NULL,
  	"label" varchar,
  	"quantity" numeric NOT NULL,
  	"received" numeric DEFAULT 0
  );
  
  CREATE TABLE "pledges" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reference" varchar NOT NULL,
  	"drive_id" integer NOT NULL,
  	"status" "enum_pledges_status" DEFAULT 'pending' NOT NULL,
  	"donor_kind" "enum_pledges_donor_kind" NOT NULL,
  	"donor_name" varchar NOT NULL,
  	"donor_phone" varchar,
  	"donor_email" varchar,
  	"listed" boolean DEFAULT false,
  	"language" "enum_pledges_language" DEFAULT 'vi' NOT NULL,
  	"amount" numeric,
  	"received_amount" numeric DEFAULT 0,
  	"message" varchar,
  	"idempotency_key" varchar NOT NULL,
  	"received_at" timestamp(3) with time zone,
  	"thanked_at" timestamp(3) with time zone,
  	"ended_at" timestamp(3) with time zone,
  	"pledge_notice_queued_at" timestamp(3) with time zone,
  	"staff_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "donation_receipts_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item" varchar NOT NULL,
  	"label" varchar,
  	"quantity" numeric NOT NULL
  );
  
  CREATE TABLE "donation_receipts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"year" numeric NOT NULL,
  	"sequence" numeric NOT NULL,
  	"pledge_id" integer NOT NULL,
  	"drive_id" integer NOT NULL,
  	"received_on" timestamp(3) with time zone NOT NULL,
  	"amount" numeric,
  	"source" "enum_donation_receipts_source" NOT NULL,
  	"transfer_id" integer,
  	"record_key" varchar NOT NULL,
  	"recorded_by_id" integer,
  	"thank_queued_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "bank_transfers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"source" "enum_bank_transfers_source" NOT NULL,
  	"booked_at" timestamp(3) with time zone NOT NULL,
  	"amount" numeric NOT NULL,
  	"direction" "enum_bank_transfers_direction" NOT NULL,
  	"note" varchar,
  	"account_number" varchar,
  	"gateway" varchar,
  	"bank_reference" varchar,
  	"status" "enum_bank_transfers_status" NOT NULL,
  	"pledge_id" integer,
  	"receipt_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "drives_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pledges_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "donation_receipts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "bank_transfers_id" integer;
  ALTER TABLE "drives_items" ADD CONSTRAINT "drives_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "drives_items_locales" ADD CONSTRAINT "drives_items_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."drives_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "drives" ADD CONSTRAINT "drives_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "drives" ADD CONSTRAINT "drives_hero_id_media_id_fk" FOREIGN KEY ("hero_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "drives_locales" ADD CONSTRAINT "drives_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "drives_rels" ADD CONSTRAINT "drives_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "drives_rels" ADD CONSTRAINT "drives_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_drives_v_version_items" ADD CONSTRAINT "_drives_v_version_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_drives_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_drives_v_version_items_locales" ADD CONSTRAINT "_drives_v_version_items_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_drives_v_version_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_drives_v" ADD CONSTRAINT "_drives_v_parent_id_drives_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."drives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_drives_v" ADD CONSTRAINT "_drives_v_version_campaign_id_campaigns_id_fk" FOREIGN KEY ("version_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_drives_v" ADD CONSTRAINT "_drives_v_version_hero_id_media_id_fk" FOREIGN KEY ("version_hero_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_drives_v_locales" ADD CONSTRAINT "_drives_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_drives_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_drives_v_rels" ADD CONSTRAINT "_drives_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_drives_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_drives_v_rels" ADD CONSTRAINT "_drives_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pledges_items" ADD CONSTRAINT "pledges_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pledges" ADD CONSTRAINT "pledges_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "donation_receipts_items" ADD CONSTRAINT "donation_receipts_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."donation_receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "donation_receipts" ADD CONSTRAINT "donation_receipts_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "donation_receipts" ADD CONSTRAINT "donation_receipts_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "donation_receipts" ADD CONSTRAINT "donation_receipts_transfer_id_bank_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."bank_transfers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "donation_receipts" ADD CONSTRAINT "donation_receipts_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_receipt_id_donation_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."donation_receipts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "drives_items_order_idx" ON "drives_items" USING btree ("_order");
  CREATE INDEX "drives_items_parent_id_idx" ON "drives_items" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "drives_items_locales_locale_parent_id_unique" ON "drives_items_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "drives_slug_idx" ON "drives" USING btree ("slug");
  CREATE INDEX "drives_campaign_idx" ON "drives" USING btree ("campaign_id");
  CREATE INDEX "drives_hero_idx" ON "drives" USING btree ("hero_id");
  CREATE INDEX "drives_updated_at_idx" ON "drives" USING btree ("updated_at");
  CREATE INDEX "drives_created_at_idx" ON "drives" USING btree ("created_at");
  CREATE INDEX "drives__status_idx" ON "drives" USING btree ("_status");
  CREATE UNIQUE INDEX "drives_locales_locale_parent_id_unique" ON "drives_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "drives_rels_order_idx" ON "drives_rels" USING btree ("order");
  CREATE INDEX "drives_rels_parent_idx" ON "drives_rels" USING btree ("parent_id");
  CREATE INDEX "drives_rels_path_idx" ON "drives_rels" USING btree ("path");
  CREATE INDEX "drives_rels_media_id_idx" ON "drives_rels" USING btree ("media_id");
  CREATE INDEX "_drives_v_version_items_order_idx" ON "_drives_v_version_items" USING btree ("_order");
  CREATE INDEX "_drives_v_version_items_parent_id_idx" ON "_drives_v_version_items" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_drives_v_version_items_locales_locale_parent_id_unique" ON "_drives_v_version_items_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_drives_v_parent_idx" ON "_drives_v" USING btree ("parent_id");
  CREATE INDEX "_drives_v_version_version_slug_idx" ON "_drives_v" USING btree ("version_slug");
  CREATE INDEX "_drives_v_version_version_campaign_idx" ON "_drives_v" USING btree ("version_campaign_id");
  CREATE INDEX "_drives_v_version_version_hero_idx" ON "_drives_v" USING btree ("version_hero_id");
  CREATE INDEX "_drives_v_version_version_updated_at_idx" ON "_drives_v" USING btree ("version_updated_at");
  CREATE INDEX "_drives_v_version_version_created_at_idx" ON "_drives_v" USING btree ("version_created_at");
  CREATE INDEX "_drives_v_version_version__status_idx" ON "_drives_v" USING btree ("version__status");
  CREATE INDEX "_drives_v_created_at_idx" ON "_drives_v" USING btree ("created_at");
  CREATE INDEX "_drives_v_updated_at_idx" ON "_drives_v" USING btree ("updated_at");
  CREATE INDEX "_drives_v_snapshot_idx" ON "_drives_v" USING btree ("snapshot");
  CREATE INDEX "_drives_v_published_locale_idx" ON "_drives_v" USING btree ("published_locale");
  CREATE INDEX "_drives_v_latest_idx" ON "_drives_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_drives_v_locales_locale_parent_id_unique" ON "_drives_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_drives_v_rels_order_idx" ON "_drives_v_rels" USING btree ("order");
  CREATE INDEX "_drives_v_rels_parent_idx" ON "_drives_v_rels" USING btree ("parent_id");
  CREATE INDEX "_drives_v_rels_path_idx" ON "_drives_v_rels" USING btree ("path");
  CREATE INDEX "_drives_v_rels_media_id_idx" ON "_drives_v_rels" USING btree ("media_id");
  CREATE INDEX "pledges_items_order_idx" ON "pledges_items" USING btree ("_order");
  CREATE INDEX "pledges_items_parent_id_idx" ON "pledges_items" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "pledges_reference_idx" ON "pledges" USING btree ("reference");
  CREATE INDEX "pledges_drive_idx" ON "pledges" USING btree ("drive_id");
  CREATE UNIQUE INDEX "pledges_idempotency_key_idx" ON "pledges" USING btree ("idempotency_key");
  CREATE INDEX "pledges_updated_at_idx" ON "pledges" USING btree ("updated_at");
  CREATE INDEX "pledges_created_at_idx" ON "pledges" USING btree ("created_at");
  CREATE INDEX "drive_status_idx" ON "pledges" USING btree ("drive_id","status");
  CREATE INDEX "donation_receipts_items_order_idx" ON "donation_receipts_items" USING btree ("_order");
  CREATE INDEX "donation_receipts_items_parent_id_idx" ON "donation_receipts_items" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "donation_receipts_number_idx" ON "donation_receipts" USING btree ("number");
  CREATE INDEX "donation_receipts_pledge_idx" ON "donation_receipts" USING btree ("pledge_id");
  CREATE INDEX "donation_receipts_drive_idx" ON "donation_receipts" USING btree ("drive_id");
  CREATE INDEX "donation_receipts_transfer_idx" ON "donation_receipts" USING btree ("transfer_id");
  CREATE UNIQUE INDEX "donation_receipts_record_key_idx" ON "donation_receipts" USING btree ("record_key");
  CREATE INDEX "donation_receipts_recorded_by_idx" ON "donation_receipts" USING btree ("recorded_by_id");
  CREATE INDEX "donation_receipts_updated_at_idx" ON "donation_receipts" USING btree ("updated_at");
  CREATE INDEX "donation_receipts_created_at_idx" ON "donation_receipts" USING btree ("created_at");
  CREATE UNIQUE INDEX "year_sequence_idx" ON "donation_receipts" USING btree ("year","sequence");
  CREATE UNIQUE INDEX "bank_transfers_key_idx" ON "bank_transfers" USING btree ("key");
  CREATE INDEX "bank_transfers_status_idx" ON "bank_transfers" USING btree ("status");
  CREATE INDEX "bank_transfers_pledge_idx" ON "bank_transfers" USING btree ("pledge_id");
  CREATE INDEX "bank_transfers_receipt_idx" ON "bank_transfers" USING btree ("receipt_id");
  CREATE INDEX "bank_transfers_updated_at_idx" ON "bank_transfers" USING btree ("updated_at");
  CREATE INDEX "bank_transfers_created_at_idx" ON "bank_transfers" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_drives_fk" FOREIGN KEY ("drives_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pledges_fk" FOREIGN KEY ("pledges_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_donation_receipts_fk" FOREIGN KEY ("donation_receipts_id") REFERENCES "public"."donation_receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_bank_transfers_fk" FOREIGN KEY ("bank_transfers_id") REFERENCES "public"."bank_transfers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_drives_id_idx" ON "payload_locked_documents_rels" USING btree ("drives_id");
  CREATE INDEX "payload_locked_documents_rels_pledges_id_idx" ON "payload_locked_documents_rels" USING btree ("pledges_id");
  CREATE INDEX "payload_locked_documents_rels_donation_receipts_id_idx" ON "payload_locked_documents_rels" USING btree ("donation_receipts_id");
  CREATE INDEX "payload_locked_documents_rels_bank_transfers_id_idx" ON "payload_locked_documents_rels" USING btree ("bank_transfers_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "drives_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "drives_items_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "drives" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "drives_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "drives_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_drives_v_version_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_drives_v_version_items_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_drives_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_drives_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_drives_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pledges_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pledges" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "donation_receipts_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "donation_receipts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "bank_transfers" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "drives_items" CASCADE;
  DROP TABLE "drives_items_locales" CASCADE;
  DROP TABLE "drives" CASCADE;
  DROP TABLE "drives_locales" CASCADE;
  DROP TABLE "drives_rels" CASCADE;
  DROP TABLE "_drives_v_version_items" CASCADE;
  DROP TABLE "_drives_v_version_items_locales" CASCADE;
  DROP TABLE "_drives_v" CASCADE;
  DROP TABLE "_drives_v_locales" CASCADE;
  DROP TABLE "_drives_v_rels" CASCADE;
  DROP TABLE "pledges_items" CASCADE;
  DROP TABLE "pledges" CASCADE;
  DROP TABLE "donation_receipts_items" CASCADE;
  DROP TABLE "donation_receipts" CASCADE;
  DROP TABLE "bank_transfers" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_drives_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pledges_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_donation_receipts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_bank_transfers_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'coordinator', 'judge', 'responder');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  DROP INDEX "payload_locked_documents_rels_drives_id_idx";
  DROP INDEX "payload_locked_documents_rels_pledges_id_idx";
  DROP INDEX "payload_locked_documents_rels_donation_receipts_id_idx";
  DROP INDEX "payload_locked_documents_rels_bank_transfers_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "drives_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pledges_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "donation_receipts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "bank_transfers_id";
  DROP TYPE "public"."enum_drives_items_kind";
  DROP TYPE "public"."enum_drives_kind";
  DROP TYPE "public"."enum_drives_status";
  DROP TYPE "public"."enum__drives_v_version_items_kind";
  DROP TYPE "public"."enum__drives_v_version_kind";
  DROP TYPE "public"."enum__drives_v_version_status";
  DROP TYPE "public"."enum__drives_v_published_locale";
  DROP TYPE "public"."enum_pledges_status";
  DROP TYPE "public"."enum_pledges_donor_kind";
  DROP TYPE "public"."enum_pledges_language";
  DROP TYPE "public"."enum_donation_receipts_source";
  DROP TYPE "public"."enum_bank_transfers_source";
  DROP TYPE "public"."enum_bank_transfers_direction";
  DROP TYPE "public"."enum_bank_transfers_status";`)
}
