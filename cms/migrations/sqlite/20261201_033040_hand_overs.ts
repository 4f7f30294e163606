import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`aid_recipients\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`family_name\` text,
  	\`given_name\` text NOT NULL,
  	\`birth_year\` numeric NOT NULL,
  	\`birth_date\` text,
  	\`area_id\` integer NOT NULL,
  	\`priority_group\` text,
  	\`guardian_name\` text,
  	\`guardian_phone\` text,
  	\`note\` text,
  	\`full_name\` text,
  	\`created_by_id\` integer,
  	\`dedupe_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`aid_recipients_area_idx\` ON \`aid_recipients\` (\`area_id\`);`)
  await db.run(sql`CREATE INDEX \`aid_recipients_full_name_idx\` ON \`aid_recipients\` (\`full_name\`);`)
  await db.run(sql`CREATE INDEX \`aid_recipients_created_by_idx\` ON \`aid_recipients\` (\`created_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`aid_recipients_dedupe_key_idx\` ON \`aid_recipients\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`aid_recipients_updated_at_idx\` ON \`aid_recipients\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`aid_recipients_created_at_idx\` ON \`aid_recipients\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`hand_overs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`drive_id\` integer NOT NULL,
  	\`item\` text NOT NULL,
  	\`recipient_id\` integer NOT NULL,
  	\`quantity\` numeric DEFAULT 1 NOT NULL,
  	\`handed_over_on\` text NOT NULL,
  	\`note\` text,
  	\`area_id\` integer,
  	\`handed_over_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`drive_id\`) REFERENCES \`drives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recipient_id\`) REFERENCES \`aid_recipients\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`handed_over_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`hand_overs_drive_idx\` ON \`hand_overs\` (\`drive_id\`);`)
  await db.run(sql`CREATE INDEX \`hand_overs_recipient_idx\` ON \`hand_overs\` (\`recipient_id\`);`)
  await db.run(sql`CREATE INDEX \`hand_overs_handed_over_on_idx\` ON \`hand_overs\` (\`handed_over_on\`);`)
  await db.run(sql`CREATE INDEX \`hand_overs_area_idx\` ON \`hand_overs\` (\`area_id\`);`)
  await db.run(sql`CREATE INDEX \`hand_overs_handed_over_by_idx\` ON \`hand_overs\` (\`handed_over_by_id\`);`)
  await db.run(sql`CREATE INDEX \`hand_overs_updated_at_idx\` ON \`hand_overs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`hand_overs_created_at_idx\` ON \`hand_overs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`drive_area_idx\` ON \`hand_overs\` (\`drive_id\`,\`area_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`aid_recipients_id\` integer REFERENCES aid_recipients(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`hand_overs_id\` integer REFERENCES hand_overs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_aid_recipients_id_idx\` ON \`payload_locked_documents_rels\` (\`aid_recipients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_hand_overs_id_idx\` ON \`payload_locked_documents_rels\` (\`hand_overs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`aid_recipients\`;`)
  await db.run(sql`DROP TABLE \`hand_overs\`;`)
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
  	FOREIGN KEY (\`claims_id\`) REFERENCES \`claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_outbox_id\`) REFERENCES \`email_outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "drives_id", "pledges_id", "donation_receipts_id", "bank_transfers_id", "claims_id", "email_outbox_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "drives_id", "pledges_id", "donation_receipts_id", "bank_transfers_id", "claims_id", "email_outbox_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`email_outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}
