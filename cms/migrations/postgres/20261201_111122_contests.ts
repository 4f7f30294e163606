import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_contests_rounds_kind" AS ENUM('yes-no', 'rubric');
  CREATE TYPE "public"."enum_contests_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__contests_v_version_rounds_kind" AS ENUM('yes-no', 'rubric');
  CREATE TYPE "public"."enum__contests_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__contests_v_published_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum_entries_consents_purpose" AS ENUM('participation', 'publication');
  CREATE TYPE "public"."enum_entries_consents_granted_by" AS ENUM('guardian', 'child');
  CREATE TYPE "public"."enum_entries_consents_end_reason" AS ENUM('withdrawn', 'entry-withdrawn', 'staff');
  CREATE TYPE "public"."enum_entries_status" AS ENUM('pending', 'submitted', 'rejected', 'withdrawn');
  CREATE TYPE "public"."enum_entries_submitted_by" AS ENUM('guardian', 'school');
  CREATE TYPE "public"."enum_entries_language" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum_scores_decision" AS ENUM('yes', 'no');
  CREATE TABLE "contests_categories_prizes" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"count" numeric DEFAULT 1
  );
  
  CREATE TABLE "contests_categories_prizes_locales" (
  	"label" varchar,
  	"reward" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "contests_categories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"min_age" numeric,
  	"max_age" numeric,
  	"max_entries" numeric
  );
  
  CREATE TABLE "contests_categories_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "contests_rubric" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"weight" numeric DEFAULT 1
  );
  
  CREATE TABLE "contests_rubric_locales" (
  	"criterion" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "contests_rounds" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_contests_rounds_kind" DEFAULT 'rubric',
  	"advance" numeric
  );
  
  CREATE TABLE "contests_rounds_locales" (
  	"name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "contests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"campaign_id" integer,
  	"hero_id" integer,
  	"opens_at" timestamp(3) with time zone,
  	"closes_at" timestamp(3) with time zone,
  	"age_on" timestamp(3) with time zone,
  	"entries_per_child" numeric DEFAULT 1,
  	"consent_version" varchar DEFAULT '2026-1',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_contests_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "contests_locales" (
  	"title" varchar,
  	"theme" varchar,
  	"summary" varchar,
  	"rules" jsonb,
  	"medium" varchar,
  	"contact" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "contests_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_contests_v_version_categories_prizes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"count" numeric DEFAULT 1,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_contests_v_version_categories_prizes_locales" (
  	"label" varchar,
  	"reward" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_contests_v_version_categories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"min_age" numeric,
  	"max_age" numeric,
  	"max_entries" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_contests_v_version_categories_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_contests_v_version_rubric" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"weight" numeric DEFAULT 1,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_contests_v_version_rubric_locales" (
  	"criterion" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_contests_v_version_rounds" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__contests_v_version_rounds_kind" DEFAULT 'rubric',
  	"advance" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_contests_v_version_rounds_locales" (
  	"name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_contests_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_campaign_id" integer,
  	"version_hero_id" integer,
  	"version_opens_at" timestamp(3) with time zone,
  	"version_closes_at" timestamp(3) with time zone,
  	"version_age_on" timestamp(3) with time zone,
  	"version_entries_per_child" numeric DEFAULT 1,
  	"version_consent_version" varchar DEFAULT '2026-1',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__contests_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__contests_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_contests_v_locales" (
  	"version_title" varchar,
  	"version_theme" varchar,
  	"version_summary" varchar,
  	"version_rules" jsonb,
  	"version_medium" varchar,
  	"version_contact" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_contests_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "entries_consents" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"purpose" "enum_entries_consents_purpose" NOT NULL,
  	"granted_by" "enum_entries_consents_granted_by" NOT NULL,
  	"wording_version" varchar NOT NULL,
  	"granted_at" timestamp(3) with time zone NOT NULL,
  	"withdrawn_at" timestamp(3) with time zone,
  	"end_reason" "enum_entries_consents_end_reason"
  );
  
  CREATE TABLE "entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"entry_code" varchar NOT NULL,
  	"contest_id" integer NOT NULL,
  	"category" varchar NOT NULL,
  	"status" "enum_entries_status" DEFAULT 'pending' NOT NULL,
  	"title" varchar NOT NULL,
  	"statement" varchar,
  	"reached_round" numeric DEFAULT 0 NOT NULL,
  	"award_prize" varchar,
  	"award_rank" numeric,
  	"artwork_large_file" varchar,
  	"artwork_large_width" numeric,
  	"artwork_large_height" numeric,
  	"artwork_small_file" varchar,
  	"artwork_small_width" numeric,
  	"artwork_small_height" numeric,
  	"reference" varchar NOT NULL,
  	"child_family_name" varchar NOT NULL,
  	"child_given_name" varchar NOT NULL,
  	"child_birth_date" timestamp(3) with time zone NOT NULL,
  	"child_age" numeric NOT NULL,
  	"child_school" varchar NOT NULL,
  	"child_class_name" varchar,
  	"child_area_id" integer NOT NULL,
  	"contact_name" varchar NOT NULL,
  	"contact_phone" varchar,
  	"contact_email" varchar,
  	"submitted_by" "enum_entries_submitted_by" DEFAULT 'guardian' NOT NULL,
  	"language" "enum_entries_language" DEFAULT 'vi' NOT NULL,
  	"source_format" varchar,
  	"source_width" numeric,
  	"source_height" numeric,
  	"source_bytes" numeric,
  	"tie_break" numeric,
  	"withdrawn_at" timestamp(3) with time zone,
  	"gallery_large_file" varchar,
  	"gallery_large_width" numeric,
  	"gallery_large_height" numeric,
  	"gallery_small_file" varchar,
  	"gallery_small_width" numeric,
  	"gallery_small_height" numeric,
  	"gallery_share_file" varchar,
  	"gallery_share_width" numeric,
  	"gallery_share_height" numeric,
  	"child_key" varchar NOT NULL,
  	"manage_token_hash" varchar NOT NULL,
  	"idempotency_key" varchar NOT NULL,
  	"notice_queued_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scores_marks" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"criterion" varchar NOT NULL,
  	"mark" numeric NOT NULL
  );
  
  CREATE TABLE "scores" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"contest_id" integer NOT NULL,
  	"entry_id" integer NOT NULL,
  	"judge_id" integer NOT NULL,
  	"round" varchar NOT NULL,
  	"entry_round" varchar NOT NULL,
  	"conflict" boolean DEFAULT false,
  	"decision" "enum_scores_decision",
  	"total" numeric,
  	"comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "contest_states" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"contest_id" integer NOT NULL,
  	"rounds_closed" numeric DEFAULT 0 NOT NULL,
  	"results_published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "contests_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "entries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scores_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "contest_states_id" integer;
  ALTER TABLE "contests_categories_prizes" ADD CONSTRAINT "contests_categories_prizes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_categories_prizes_locales" ADD CONSTRAINT "contests_categories_prizes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests_categories_prizes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_categories" ADD CONSTRAINT "contests_categories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_categories_locales" ADD CONSTRAINT "contests_categories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_rubric" ADD CONSTRAINT "contests_rubric_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_rubric_locales" ADD CONSTRAINT "contests_rubric_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests_rubric"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_rounds" ADD CONSTRAINT "contests_rounds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_rounds_locales" ADD CONSTRAINT "contests_rounds_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests_rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests" ADD CONSTRAINT "contests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contests" ADD CONSTRAINT "contests_hero_id_media_id_fk" FOREIGN KEY ("hero_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contests_locales" ADD CONSTRAINT "contests_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_rels" ADD CONSTRAINT "contests_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contests_rels" ADD CONSTRAINT "contests_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_categories_prizes" ADD CONSTRAINT "_contests_v_version_categories_prizes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v_version_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_categories_prizes_locales" ADD CONSTRAINT "_contests_v_version_categories_prizes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v_version_categories_prizes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_categories" ADD CONSTRAINT "_contests_v_version_categories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_categories_locales" ADD CONSTRAINT "_contests_v_version_categories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v_version_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_rubric" ADD CONSTRAINT "_contests_v_version_rubric_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_rubric_locales" ADD CONSTRAINT "_contests_v_version_rubric_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v_version_rubric"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_rounds" ADD CONSTRAINT "_contests_v_version_rounds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_version_rounds_locales" ADD CONSTRAINT "_contests_v_version_rounds_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v_version_rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v" ADD CONSTRAINT "_contests_v_parent_id_contests_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_contests_v" ADD CONSTRAINT "_contests_v_version_campaign_id_campaigns_id_fk" FOREIGN KEY ("version_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_contests_v" ADD CONSTRAINT "_contests_v_version_hero_id_media_id_fk" FOREIGN KEY ("version_hero_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_contests_v_locales" ADD CONSTRAINT "_contests_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_contests_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_rels" ADD CONSTRAINT "_contests_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_contests_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_contests_v_rels" ADD CONSTRAINT "_contests_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "entries_consents" ADD CONSTRAINT "entries_consents_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "entries" ADD CONSTRAINT "entries_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "entries" ADD CONSTRAINT "entries_child_area_id_areas_id_fk" FOREIGN KEY ("child_area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scores_marks" ADD CONSTRAINT "scores_marks_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."scores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scores" ADD CONSTRAINT "scores_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scores" ADD CONSTRAINT "scores_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scores" ADD CONSTRAINT "scores_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contest_states" ADD CONSTRAINT "contest_states_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "contests_categories_prizes_order_idx" ON "contests_categories_prizes" USING btree ("_order");
  CREATE INDEX "contests_categories_prizes_parent_id_idx" ON "contests_categories_prizes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "contests_categories_prizes_locales_locale_parent_id_unique" ON "contests_categories_prizes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "contests_categories_order_idx" ON "contests_categories" USING btree ("_order");
  CREATE INDEX "contests_categories_parent_id_idx" ON "contests_categories" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "contests_categories_locales_locale_parent_id_unique" ON "contests_categories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "contests_rubric_order_idx" ON "contests_rubric" USING btree ("_order");
  CREATE INDEX "contests_rubric_parent_id_idx" ON "contests_rubric" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "contests_rubric_locales_locale_parent_id_unique" ON "contests_rubric_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "contests_rounds_order_idx" ON "contests_rounds" USING btree ("_order");
  CREATE INDEX "contests_rounds_parent_id_idx" ON "contests_rounds" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "contests_rounds_locales_locale_parent_id_unique" ON "contests_rounds_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "contests_slug_idx" ON "contests" USING btree ("slug");
  CREATE INDEX "contests_campaign_idx" ON "contests" USING btree ("campaign_id");
  CREATE INDEX "contests_hero_idx" ON "contests" USING btree ("hero_id");
  CREATE INDEX "contests_updated_at_idx" ON "contests" USING btree ("updated_at");
  CREATE INDEX "contests_created_at_idx" ON "contests" USING btree ("created_at");
  CREATE INDEX "contests__status_idx" ON "contests" USING btree ("_status");
  CREATE UNIQUE INDEX "contests_locales_locale_parent_id_unique" ON "contests_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "contests_rels_order_idx" ON "contests_rels" USING btree ("order");
  CREATE INDEX "contests_rels_parent_idx" ON "contests_rels" USING btree ("parent_id");
  CREATE INDEX "contests_rels_path_idx" ON "contests_rels" USING btree ("path");
  CREATE INDEX "contests_rels_users_id_idx" ON "contests_rels" USING btree ("users_id");
  CREATE INDEX "_contests_v_version_categories_prizes_order_idx" ON "_contests_v_version_categories_prizes" USING btree ("_order");
  CREATE INDEX "_contests_v_version_categories_prizes_parent_id_idx" ON "_contests_v_version_categories_prizes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_contests_v_version_categories_prizes_locales_locale_parent_" ON "_contests_v_version_categories_prizes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_contests_v_version_categories_order_idx" ON "_contests_v_version_categories" USING btree ("_order");
  CREATE INDEX "_contests_v_version_categories_parent_id_idx" ON "_contests_v_version_categories" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_contests_v_version_categories_locales_locale_parent_id_uniq" ON "_contests_v_version_categories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_contests_v_version_rubric_order_idx" ON "_contests_v_version_rubric" USING btree ("_order");
  CREATE INDEX "_contests_v_version_rubric_parent_id_idx" ON "_contests_v_version_rubric" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_contests_v_version_rubric_locales_locale_parent_id_unique" ON "_contests_v_version_rubric_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_contests_v_version_rounds_order_idx" ON "_contests_v_version_rounds" USING btree ("_order");
  CREATE INDEX "_contests_v_version_rounds_parent_id_idx" ON "_contests_v_version_rounds" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_contests_v_version_rounds_locales_locale_parent_id_unique" ON "_contests_v_version_rounds_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_contests_v_parent_idx" ON "_contests_v" USING btree ("parent_id");
  CREATE INDEX "_contests_v_version_version_slug_idx" ON "_contests_v" USING btree ("version_slug");
  CREATE INDEX "_contests_v_version_version_campaign_idx" ON "_contests_v" USING btree ("version_campaign_id");
  CREATE INDEX "_contests_v_version_version_hero_idx" ON "_contests_v" USING btree ("version_hero_id");
  CREATE INDEX "_contests_v_version_version_updated_at_idx" ON "_contests_v" USING btree ("version_updated_at");
  CREATE INDEX "_contests_v_version_version_created_at_idx" ON "_contests_v" USING btree ("version_created_at");
  CREATE INDEX "_contests_v_version_version__status_idx" ON "_contests_v" USING btree ("version__status");
  CREATE INDEX "_contests_v_created_at_idx" ON "_contests_v" USING btree ("created_at");
  CREATE INDEX "_contests_v_updated_at_idx" ON "_contests_v" USING btree ("updated_at");
  CREATE INDEX "_contests_v_snapshot_idx" ON "_contests_v" USING btree ("snapshot");
  CREATE INDEX "_contests_v_published_locale_idx" ON "_contests_v" USING btree ("published_locale");
  CREATE INDEX "_contests_v_latest_idx" ON "_contests_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_contests_v_locales_locale_parent_id_unique" ON "_contests_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_contests_v_rels_order_idx" ON "_contests_v_rels" USING btree ("order");
  CREATE INDEX "_contests_v_rels_parent_idx" ON "_contests_v_rels" USING btree ("parent_id");
  CREATE INDEX "_contests_v_rels_path_idx" ON "_contests_v_rels" USING btree ("path");
  CREATE INDEX "_contests_v_rels_users_id_idx" ON "_contests_v_rels" USING btree ("users_id");
  CREATE INDEX "entries_consents_order_idx" ON "entries_consents" USING btree ("_order");
  CREATE INDEX "entries_consents_parent_id_idx" ON "entries_consents" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "entries_entry_code_idx" ON "entries" USING btree ("entry_code");
  CREATE INDEX "entries_contest_idx" ON "entries" USING btree ("contest_id");
  CREATE INDEX "entries_status_idx" ON "entries" USING btree ("status");
  CREATE UNIQUE INDEX "entries_reference_idx" ON "entries" USING btree ("reference");
  CREATE INDEX "entries_child_child_area_idx" ON "entries" USING btree ("child_area_id");
  CREATE INDEX "entries_child_key_idx" ON "entries" USING btree ("child_key");
  CREATE UNIQUE INDEX "entries_manage_token_hash_idx" ON "entries" USING btree ("manage_token_hash");
  CREATE UNIQUE INDEX "entries_idempotency_key_idx" ON "entries" USING btree ("idempotency_key");
  CREATE INDEX "entries_updated_at_idx" ON "entries" USING btree ("updated_at");
  CREATE INDEX "entries_created_at_idx" ON "entries" USING btree ("created_at");
  CREATE INDEX "contest_category_status_idx" ON "entries" USING btree ("contest_id","category","status");
  CREATE INDEX "scores_marks_order_idx" ON "scores_marks" USING btree ("_order");
  CREATE INDEX "scores_marks_parent_id_idx" ON "scores_marks" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "scores_key_idx" ON "scores" USING btree ("key");
  CREATE INDEX "scores_contest_idx" ON "scores" USING btree ("contest_id");
  CREATE INDEX "scores_entry_idx" ON "scores" USING btree ("entry_id");
  CREATE INDEX "scores_judge_idx" ON "scores" USING btree ("judge_id");
  CREATE INDEX "scores_entry_round_idx" ON "scores" USING btree ("entry_round");
  CREATE INDEX "scores_updated_at_idx" ON "scores" USING btree ("updated_at");
  CREATE INDEX "scores_created_at_idx" ON "scores" USING btree ("created_at");
  CREATE INDEX "contest_round_idx" ON "scores" USING btree ("contest_id","round");
  CREATE UNIQUE INDEX "contest_states_contest_idx" ON "contest_states" USING btree ("contest_id");
  CREATE INDEX "contest_states_updated_at_idx" ON "contest_states" USING btree ("updated_at");
  CREATE INDEX "contest_states_created_at_idx" ON "contest_states" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_contests_fk" FOREIGN KEY ("contests_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_entries_fk" FOREIGN KEY ("entries_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scores_fk" FOREIGN KEY ("scores_id") REFERENCES "public"."scores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_contest_states_fk" FOREIGN KEY ("contest_states_id") REFERENCES "public"."contest_states"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_contests_id_idx" ON "payload_locked_documents_rels" USING btree ("contests_id");
  CREATE INDEX "payload_locked_documents_rels_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("entries_id");
  CREATE INDEX "payload_locked_documents_rels_scores_id_idx" ON "payload_locked_documents_rels" USING btree ("scores_id");
  CREATE INDEX "payload_locked_documents_rels_contest_states_id_idx" ON "payload_locked_documents_rels" USING btree ("contest_states_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "contests_categories_prizes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_categories_prizes_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_categories_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_rubric" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_rubric_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_rounds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_rounds_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contests_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_categories_prizes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_categories_prizes_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_categories_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_rubric" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_rubric_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_rounds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_version_rounds_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_contests_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "entries_consents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scores_marks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scores" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contest_states" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "contests_categories_prizes" CASCADE;
  DROP TABLE "contests_categories_prizes_locales" CASCADE;
  DROP TABLE "contests_categories" CASCADE;
  DROP TABLE "contests_categories_locales" CASCADE;
  DROP TABLE "contests_rubric" CASCADE;
  DROP TABLE "contests_rubric_locales" CASCADE;
  DROP TABLE "contests_rounds" CASCADE;
  DROP TABLE "contests_rounds_locales" CASCADE;
  DROP TABLE "contests" CASCADE;
  DROP TABLE "contests_locales" CASCADE;
  DROP TABLE "contests_rels" CASCADE;
  DROP TABLE "_contests_v_version_categories_prizes" CASCADE;
  DROP TABLE "_contests_v_version_categories_prizes_locales" CASCADE;
  DROP TABLE "_contests_v_version_categories" CASCADE;
  DROP TABLE "_contests_v_version_categories_locales" CASCADE;
  DROP TABLE "_contests_v_version_rubric" CASCADE;
  DROP TABLE "_contests_v_version_rubric_locales" CASCADE;
  DROP TABLE "_contests_v_version_rounds" CASCADE;
  DROP TABLE "_contests_v_version_rounds_locales" CASCADE;
  DROP TABLE "_contests_v" CASCADE;
  DROP TABLE "_contests_v_locales" CASCADE;
  DROP TABLE "_contests_v_rels" CASCADE;
  DROP TABLE "entries_consents" CASCADE;
  DROP TABLE "entries" CASCADE;
  DROP TABLE "scores_marks" CASCADE;
  DROP TABLE "scores" CASCADE;
  DROP TABLE "contest_states" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_contests_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_entries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scores_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_contest_states_fk";
  
  DROP INDEX "payload_locked_documents_rels_contests_id_idx";
  DROP INDEX "payload_locked_documents_rels_entries_id_idx";
  DROP INDEX "payload_locked_documents_rels_scores_id_idx";
  DROP INDEX "payload_locked_documents_rels_contest_states_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "contests_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "entries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scores_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "contest_states_id";
  DROP TYPE "public"."enum_contests_rounds_kind";
  DROP TYPE "public"."enum_contests_status";
  DROP TYPE "public"."enum__contests_v_version_rounds_kind";
  DROP TYPE "public"."enum__contests_v_version_status";
  DROP TYPE "public"."enum__contests_v_published_locale";
  DROP TYPE "public"."enum_entries_consents_purpose";
  DROP TYPE "public"."enum_entries_consents_granted_by";
  DROP TYPE "public"."enum_entries_consents_end_reason";
  DROP TYPE "public"."enum_entries_status";
  DROP TYPE "public"."enum_entries_submitted_by";
  DROP TYPE "public"."enum_entries_language";
  DROP TYPE "public"."enum_scores_decision";`)
}
