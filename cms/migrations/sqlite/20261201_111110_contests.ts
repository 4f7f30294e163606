import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`contests_categories_prizes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`count\` numeric DEFAULT 1,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_categories_prizes_order_idx\` ON \`contests_categories_prizes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`contests_categories_prizes_parent_id_idx\` ON \`contests_categories_prizes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_categories_prizes_locales\` (
  	\`label\` text,
  	\`reward\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests_categories_prizes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contests_categories_prizes_locales_locale_parent_id_unique\` ON \`contests_categories_prizes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_categories\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`min_age\` numeric,
  	\`max_age\` numeric,
  	\`max_entries\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_categories_order_idx\` ON \`contests_categories\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`contests_categories_parent_id_idx\` ON \`contests_categories\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_categories_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contests_categories_locales_locale_parent_id_unique\` ON \`contests_categories_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_rubric\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`weight\` numeric DEFAULT 1,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_rubric_order_idx\` ON \`contests_rubric\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`contests_rubric_parent_id_idx\` ON \`contests_rubric\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_rubric_locales\` (
  	\`criterion\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests_rubric\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contests_rubric_locales_locale_parent_id_unique\` ON \`contests_rubric_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_rounds\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'rubric',
  	\`advance\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_rounds_order_idx\` ON \`contests_rounds\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`contests_rounds_parent_id_idx\` ON \`contests_rounds\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_rounds_locales\` (
  	\`name\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests_rounds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contests_rounds_locales_locale_parent_id_unique\` ON \`contests_rounds_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`campaign_id\` integer,
  	\`hero_id\` integer,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`age_on\` text,
  	\`entries_per_child\` numeric DEFAULT 1,
  	\`consent_version\` text DEFAULT '2026-1',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`hero_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contests_slug_idx\` ON \`contests\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`contests_campaign_idx\` ON \`contests\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`contests_hero_idx\` ON \`contests\` (\`hero_id\`);`)
  await db.run(sql`CREATE INDEX \`contests_updated_at_idx\` ON \`contests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`contests_created_at_idx\` ON \`contests\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`contests__status_idx\` ON \`contests\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`contests_locales\` (
  	\`title\` text,
  	\`theme\` text,
  	\`summary\` text,
  	\`rules\` text,
  	\`medium\` text,
  	\`contact\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contests_locales_locale_parent_id_unique\` ON \`contests_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_rels_order_idx\` ON \`contests_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`contests_rels_parent_idx\` ON \`contests_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`contests_rels_path_idx\` ON \`contests_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`contests_rels_users_id_idx\` ON \`contests_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_categories_prizes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`count\` numeric DEFAULT 1,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v_version_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_contests_v_version_categories_prizes_order_idx\` ON \`_contests_v_version_categories_prizes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_categories_prizes_parent_id_idx\` ON \`_contests_v_version_categories_prizes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_categories_prizes_locales\` (
  	\`label\` text,
  	\`reward\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v_version_categories_prizes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_contests_v_version_categories_prizes_locales_locale_parent_\` ON \`_contests_v_version_categories_prizes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_categories\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`min_age\` numeric,
  	\`max_age\` numeric,
  	\`max_entries\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_contests_v_version_categories_order_idx\` ON \`_contests_v_version_categories\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_categories_parent_id_idx\` ON \`_contests_v_version_categories\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_categories_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v_version_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_contests_v_version_categories_locales_locale_parent_id_uniq\` ON \`_contests_v_version_categories_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_rubric\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`weight\` numeric DEFAULT 1,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_contests_v_version_rubric_order_idx\` ON \`_contests_v_version_rubric\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_rubric_parent_id_idx\` ON \`_contests_v_version_rubric\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_rubric_locales\` (
  	\`criterion\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v_version_rubric\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_contests_v_version_rubric_locales_locale_parent_id_unique\` ON \`_contests_v_version_rubric_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_rounds\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'rubric',
  	\`advance\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_contests_v_version_rounds_order_idx\` ON \`_contests_v_version_rounds\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_rounds_parent_id_idx\` ON \`_contests_v_version_rounds\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_version_rounds_locales\` (
  	\`name\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v_version_rounds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_contests_v_version_rounds_locales_locale_parent_id_unique\` ON \`_contests_v_version_rounds_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_campaign_id\` integer,
  	\`version_hero_id\` integer,
  	\`version_opens_at\` text,
  	\`version_closes_at\` text,
  	\`version_age_on\` text,
  	\`version_entries_per_child\` numeric DEFAULT 1,
  	\`version_consent_version\` text DEFAULT '2026-1',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_contests_v_parent_idx\` ON \`_contests_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_version_slug_idx\` ON \`_contests_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_version_campaign_idx\` ON \`_contests_v\` (\`version_campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_version_hero_idx\` ON \`_contests_v\` (\`version_hero_id\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_version_updated_at_idx\` ON \`_contests_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_version_created_at_idx\` ON \`_contests_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_version_version__status_idx\` ON \`_contests_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_created_at_idx\` ON \`_contests_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_updated_at_idx\` ON \`_contests_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_snapshot_idx\` ON \`_contests_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_published_locale_idx\` ON \`_contests_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_latest_idx\` ON \`_contests_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_locales\` (
  	\`version_title\` text,
  	\`version_theme\` text,
  	\`version_summary\` text,
  	\`version_rules\` text,
  	\`version_medium\` text,
  	\`version_contact\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_contests_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_contests_v_locales_locale_parent_id_unique\` ON \`_contests_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_contests_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_contests_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_contests_v_rels_order_idx\` ON \`_contests_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_rels_parent_idx\` ON \`_contests_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_rels_path_idx\` ON \`_contests_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_contests_v_rels_users_id_idx\` ON \`_contests_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`entries_consents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`purpose\` text NOT NULL,
  	\`granted_by\` text NOT NULL,
  	\`wording_version\` text NOT NULL,
  	\`granted_at\` text NOT NULL,
  	\`withdrawn_at\` text,
  	\`end_reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`entries_consents_order_idx\` ON \`entries_consents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`entries_consents_parent_id_idx\` ON \`entries_consents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`entry_code\` text NOT NULL,
  	\`contest_id\` integer NOT NULL,
  	\`category\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`title\` text NOT NULL,
  	\`statement\` text,
  	\`reached_round\` numeric DEFAULT 0 NOT NULL,
  	\`award_prize\` text,
  	\`award_rank\` numeric,
  	\`artwork_large_file\` text,
  	\`artwork_large_width\` numeric,
  	\`artwork_large_height\` numeric,
  	\`artwork_small_file\` text,
  	\`artwork_small_width\` numeric,
  	\`artwork_small_height\` numeric,
  	\`reference\` text NOT NULL,
  	\`child_family_name\` text NOT NULL,
  	\`child_given_name\` text NOT NULL,
  	\`child_birth_date\` text NOT NULL,
  	\`child_age\` numeric NOT NULL,
  	\`child_school\` text NOT NULL,
  	\`child_class_name\` text,
  	\`child_area_id\` integer NOT NULL,
  	\`contact_name\` text NOT NULL,
  	\`contact_phone\` text,
  	\`contact_email\` text,
  	\`submitted_by\` text DEFAULT 'guardian' NOT NULL,
  	\`language\` text DEFAULT 'vi' NOT NULL,
  	\`source_format\` text,
  	\`source_width\` numeric,
  	\`source_height\` numeric,
  	\`source_bytes\` numeric,
  	\`tie_break\` numeric,
  	\`withdrawn_at\` text,
  	\`gallery_large_file\` text,
  	\`gallery_large_width\` numeric,
  	\`gallery_large_height\` numeric,
  	\`gallery_small_file\` text,
  	\`gallery_small_width\` numeric,
  	\`gallery_small_height\` numeric,
  	\`gallery_share_file\` text,
  	\`gallery_share_width\` numeric,
  	\`gallery_share_height\` numeric,
  	\`child_key\` text NOT NULL,
  	\`manage_token_hash\` text NOT NULL,
  	\`idempotency_key\` text NOT NULL,
  	\`notice_queued_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`contest_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`child_area_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`entries_entry_code_idx\` ON \`entries\` (\`entry_code\`);`)
  await db.run(sql`CREATE INDEX \`entries_contest_idx\` ON \`entries\` (\`contest_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_status_idx\` ON \`entries\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`entries_reference_idx\` ON \`entries\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`entries_child_child_area_idx\` ON \`entries\` (\`child_area_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_child_key_idx\` ON \`entries\` (\`child_key\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`entries_manage_token_hash_idx\` ON \`entries\` (\`manage_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`entries_idempotency_key_idx\` ON \`entries\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`entries_updated_at_idx\` ON \`entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`entries_created_at_idx\` ON \`entries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`contest_category_status_idx\` ON \`entries\` (\`contest_id\`,\`category\`,\`status\`);`)
  await db.run(sql`CREATE TABLE \`scores_marks\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`criterion\` text NOT NULL,
  	\`mark\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scores\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scores_marks_order_idx\` ON \`scores_marks\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scores_marks_parent_id_idx\` ON \`scores_marks\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scores\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`contest_id\` integer NOT NULL,
  	\`entry_id\` integer NOT NULL,
  	\`judge_id\` integer NOT NULL,
  	\`round\` text NOT NULL,
  	\`entry_round\` text NOT NULL,
  	\`conflict\` integer DEFAULT false,
  	\`decision\` text,
  	\`total\` numeric,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`contest_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`judge_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scores_key_idx\` ON \`scores\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`scores_contest_idx\` ON \`scores\` (\`contest_id\`);`)
  await db.run(sql`CREATE INDEX \`scores_entry_idx\` ON \`scores\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`scores_judge_idx\` ON \`scores\` (\`judge_id\`);`)
  await db.run(sql`CREATE INDEX \`scores_entry_round_idx\` ON \`scores\` (\`entry_round\`);`)
  await db.run(sql`CREATE INDEX \`scores_updated_at_idx\` ON \`scores\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scores_created_at_idx\` ON \`scores\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`contest_round_idx\` ON \`scores\` (\`contest_id\`,\`round\`);`)
  await db.run(sql`CREATE TABLE \`contest_states\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`contest_id\` integer NOT NULL,
  	\`rounds_closed\` numeric DEFAULT 0 NOT NULL,
  	\`results_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`contest_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`contest_states_contest_idx\` ON \`contest_states\` (\`contest_id\`);`)
  await db.run(sql`CREATE INDEX \`contest_states_updated_at_idx\` ON \`contest_states\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`contest_states_created_at_idx\` ON \`contest_states\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`contests_id\` integer REFERENCES contests(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`entries_id\` integer REFERENCES entries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`scores_id\` integer REFERENCES scores(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`contest_states_id\` integer REFERENCES contest_states(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contests_id_idx\` ON \`payload_locked_documents_rels\` (\`contests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scores_id_idx\` ON \`payload_locked_documents_rels\` (\`scores_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contest_states_id_idx\` ON \`payload_locked_documents_rels\` (\`contest_states_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`contests_categories_prizes\`;`)
  await db.run(sql`DROP TABLE \`contests_categories_prizes_locales\`;`)
  await db.run(sql`DROP TABLE \`contests_categories\`;`)
  await db.run(sql`DROP TABLE \`contests_categories_locales\`;`)
  await db.run(sql`DROP TABLE \`contests_rubric\`;`)
  await db.run(sql`DROP TABLE \`contests_rubric_locales\`;`)
  await db.run(sql`DROP TABLE \`contests_rounds\`;`)
  await db.run(sql`DROP TABLE \`contests_rounds_locales\`;`)
  await db.run(sql`DROP TABLE \`contests\`;`)
  await db.run(sql`DROP TABLE \`contests_locales\`;`)
  await db.run(sql`DROP TABLE \`contests_rels\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_categories_prizes\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_categories_prizes_locales\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_categories\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_categories_locales\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_rubric\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_rubric_locales\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_rounds\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_version_rounds_locales\`;`)
  await db.run(sql`DROP TABLE \`_contests_v\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_contests_v_rels\`;`)
  await db.run(sql`DROP TABLE \`entries_consents\`;`)
  await db.run(sql`DROP TABLE \`entries\`;`)
  await db.run(sql`DROP TABLE \`scores_marks\`;`)
  await db.run(sql`DROP TABLE \`scores\`;`)
  await db.run(sql`DROP TABLE \`contest_states\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	\`areas_id\` integer,
  	\`campaigns_id\` integer,
  	\`posts_id\` integer,
  	\`events_id\` integer,
  	\`registrations_id\` integer,
  	\`drives_id\` integer,
  	\`pledges_id\` integer,
  	\`donation_receipts_id\` integer,
  	\`bank_transfers_id\` integer,
  	\`aid_recipients_id\` integer,
  	\`hand_overs_id\` integer,
  	\`claims_id\` integer,
  	\`email_outbox_id\` integer,
  	\`audit_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`areas_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registrations_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`drives_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pledges_id\`) REFERENCES \`pledges\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`donation_receipts_id\`) REFERENCES \`donation_receipts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bank_transfers_id\`) REFERENCES \`bank_transfers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`aid_recipients_id\`) REFERENCES \`aid_recipients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`hand_overs_id\`) REFERENCES \`hand_overs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`claims_id\`) REFERENCES \`claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_outbox_id\`) REFERENCES \`email_outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "drives_id", "pledges_id", "donation_receipts_id", "bank_transfers_id", "aid_recipients_id", "hand_overs_id", "claims_id", "email_outbox_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "drives_id", "pledges_id", "donation_receipts_id", "bank_transfers_id", "aid_recipients_id", "hand_overs_id", "claims_id", "email_outbox_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_drives_id_idx\` ON \`payload_locked_documents_rels\` (\`drives_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pledges_id_idx\` ON \`payload_locked_documents_rels\` (\`pledges_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_donation_receipts_id_idx\` ON \`payload_locked_documents_rels\` (\`donation_receipts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bank_transfers_id_idx\` ON \`payload_locked_documents_rels\` (\`bank_transfers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_aid_recipients_id_idx\` ON \`payload_locked_documents_rels\` (\`aid_recipients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_hand_overs_id_idx\` ON \`payload_locked_documents_rels\` (\`hand_overs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`email_outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}
