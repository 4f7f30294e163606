import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`drives_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'gift',
  	\`quantity\` numeric,
  	\`unit_value\` numeric,
  	\`reaches\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`drives_items_order_idx\` ON \`drives_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`drives_items_parent_id_idx\` ON \`drives_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`drives_items_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`drives_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`drives_items_locales_locale_parent_id_unique\` ON \`drives_items_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`drives\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'mid-autumn',
  	\`campaign_id\` integer,
  	\`starts_on\` text,
  	\`ends_on\` text,
  	\`hero_id\` integer,
  	\`money_goal\` numeric,
  	\`account_bank_bin\` text,
  	\`account_bank_name\` text,
  	\`account_account_number\` text,
  	\`account_account_name\` text,
  	\`show_amounts\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`hero_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`drives_slug_idx\` ON \`drives\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`drives_campaign_idx\` ON \`drives\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`drives_hero_idx\` ON \`drives\` (\`hero_id\`);`)
  await db.run(sql`CREATE INDEX \`drives_updated_at_idx\` ON \`drives\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`drives_created_at_idx\` ON \`drives\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`drives__status_idx\` ON \`drives\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`drives_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`story\` text,
  	\`drop_off\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`drives_locales_locale_parent_id_unique\` ON \`drives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`drives_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`drives_rels_order_idx\` ON \`drives_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`drives_rels_parent_idx\` ON \`drives_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`drives_rels_path_idx\` ON \`drives_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`drives_rels_media_id_idx\` ON \`drives_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_drives_v_version_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'gift',
  	\`quantity\` numeric,
  	\`unit_value\` numeric,
  	\`reaches\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_drives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_drives_v_version_items_order_idx\` ON \`_drives_v_version_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_items_parent_id_idx\` ON \`_drives_v_version_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_drives_v_version_items_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_drives_v_version_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_drives_v_version_items_locales_locale_parent_id_unique\` ON \`_drives_v_version_items_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_drives_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_kind\` text DEFAULT 'mid-autumn',
  	\`version_campaign_id\` integer,
  	\`version_starts_on\` text,
  	\`version_ends_on\` text,
  	\`version_hero_id\` integer,
  	\`version_money_goal\` numeric,
  	\`version_account_bank_bin\` text,
  	\`version_account_bank_name\` text,
  	\`version_account_account_number\` text,
  	\`version_account_account_name\` text,
  	\`version_show_amounts\` integer DEFAULT true,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_drives_v_parent_idx\` ON \`_drives_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_version_slug_idx\` ON \`_drives_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_version_campaign_idx\` ON \`_drives_v\` (\`version_campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_version_hero_idx\` ON \`_drives_v\` (\`version_hero_id\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_version_updated_at_idx\` ON \`_drives_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_version_created_at_idx\` ON \`_drives_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_version_version__status_idx\` ON \`_drives_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_created_at_idx\` ON \`_drives_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_updated_at_idx\` ON \`_drives_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_snapshot_idx\` ON \`_drives_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_published_locale_idx\` ON \`_drives_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_latest_idx\` ON \`_drives_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_drives_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_story\` text,
  	\`version_drop_off\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_drives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_drives_v_locales_locale_parent_id_unique\` ON \`_drives_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_drives_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_drives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_drives_v_rels_order_idx\` ON \`_drives_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_rels_parent_idx\` ON \`_drives_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_rels_path_idx\` ON \`_drives_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_drives_v_rels_media_id_idx\` ON \`_drives_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`pledges_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text NOT NULL,
  	\`label\` text,
  	\`quantity\` numeric NOT NULL,
  	\`received\` numeric DEFAULT 0,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pledges\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pledges_items_order_idx\` ON \`pledges_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pledges_items_parent_id_idx\` ON \`pledges_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`pledges\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text NOT NULL,
  	\`drive_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`donor_kind\` text NOT NULL,
  	\`donor_name\` text NOT NULL,
  	\`donor_phone\` text,
  	\`donor_email\` text,
  	\`listed\` integer DEFAULT false,
  	\`language\` text DEFAULT 'vi' NOT NULL,
  	\`amount\` numeric,
  	\`received_amount\` numeric DEFAULT 0,
  	\`message\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`received_at\` text,
  	\`thanked_at\` text,
  	\`ended_at\` text,
  	\`pledge_notice_queued_at\` text,
  	\`staff_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`drive_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pledges_reference_idx\` ON \`pledges\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`pledges_drive_idx\` ON \`pledges\` (\`drive_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`pledges_idempotency_key_idx\` ON \`pledges\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`pledges_updated_at_idx\` ON \`pledges\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pledges_created_at_idx\` ON \`pledges\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`drive_status_idx\` ON \`pledges\` (\`drive_id\`,\`status\`);`)
  await db.run(sql`CREATE TABLE \`donation_receipts_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text NOT NULL,
  	\`label\` text,
  	\`quantity\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`donation_receipts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`donation_receipts_items_order_idx\` ON \`donation_receipts_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_items_parent_id_idx\` ON \`donation_receipts_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`donation_receipts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`pledge_id\` integer NOT NULL,
  	\`drive_id\` integer NOT NULL,
  	\`received_on\` text NOT NULL,
  	\`amount\` numeric,
  	\`source\` text NOT NULL,
  	\`transfer_id\` integer,
  	\`record_key\` text NOT NULL,
  	\`recorded_by_id\` integer,
  	\`thank_queued_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pledge_id\`) REFERENCES \`pledges\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`drive_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`transfer_id\`) REFERENCES \`bank_transfers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`donation_receipts_number_idx\` ON \`donation_receipts\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_pledge_idx\` ON \`donation_receipts\` (\`pledge_id\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_drive_idx\` ON \`donation_receipts\` (\`drive_id\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_transfer_idx\` ON \`donation_receipts\` (\`transfer_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`donation_receipts_record_key_idx\` ON \`donation_receipts\` (\`record_key\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_recorded_by_idx\` ON \`donation_receipts\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_updated_at_idx\` ON \`donation_receipts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`donation_receipts_created_at_idx\` ON \`donation_receipts\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`year_sequence_idx\` ON \`donation_receipts\` (\`year\`,\`sequence\`);`)
  await db.run(sql`CREATE TABLE \`bank_transfers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`booked_at\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`direction\` text NOT NULL,
  	\`note\` text,
  	\`account_number\` text,
  	\`gateway\` text,
  	\`bank_reference\` text,
  	\`status\` text NOT NULL,
  	\`pledge_id\` integer,
  	\`receipt_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pledge_id\`) REFERENCES \`pledges\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`receipt_id\`) REFERENCES \`donation_receipts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`bank_transfers_key_idx\` ON \`bank_transfers\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`bank_transfers_status_idx\` ON \`bank_transfers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`bank_transfers_pledge_idx\` ON \`bank_transfers\` (\`pledge_id\`);`)
  await db.run(sql`CREATE INDEX \`bank_transfers_receipt_idx\` ON \`bank_transfers\` (\`receipt_id\`);`)
  await db.run(sql`CREATE INDEX \`bank_transfers_updated_at_idx\` ON \`bank_transfers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bank_transfers_created_at_idx\` ON \`bank_transfers\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`drives_id\` integer REFERENCES drives(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`pledges_id\` integer REFERENCES pledges(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`donation_receipts_id\` integer REFERENCES donation_receipts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`bank_transfers_id\` integer REFERENCES bank_transfers(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_drives_id_idx\` ON \`payload_locked_documents_rels\` (\`drives_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pledges_id_idx\` ON \`payload_locked_documents_rels\` (\`pledges_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_donation_receipts_id_idx\` ON \`payload_locked_documents_rels\` (\`donation_receipts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bank_transfers_id_idx\` ON \`payload_locked_documents_rels\` (\`bank_transfers_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`drives_items\`;`)
  await db.run(sql`DROP TABLE \`drives_items_locales\`;`)
  await db.run(sql`DROP TABLE \`drives\`;`)
  await db.run(sql`DROP TABLE \`drives_locales\`;`)
  await db.run(sql`DROP TABLE \`drives_rels\`;`)
  await db.run(sql`DROP TABLE \`_drives_v_version_items\`;`)
  await db.run(sql`DROP TABLE \`_drives_v_version_items_locales\`;`)
  await db.run(sql`DROP TABLE \`_drives_v\`;`)
  await db.run(sql`DROP TABLE \`_drives_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_drives_v_rels\`;`)
  await db.run(sql`DROP TABLE \`pledges_items\`;`)
  await db.run(sql`DROP TABLE \`pledges\`;`)
  await db.run(sql`DROP TABLE \`donation_receipts_items\`;`)
  await db.run(sql`DROP TABLE \`donation_receipts\`;`)
  await db.run(sql`DROP TABLE \`bank_transfers\`;`)
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
  	FOREIGN KEY (\`claims_id\`) REFERENCES \`claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_outbox_id\`) REFERENCES \`email_outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "claims_id", "email_outbox_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "claims_id", "email_outbox_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`email_outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}
