import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`pool\` text NOT NULL,
  	\`number\` numeric NOT NULL,
  	\`claimant\` text NOT NULL,
  	\`part\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`claims_updated_at_idx\` ON \`claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`claims_created_at_idx\` ON \`claims\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`pool_number_idx\` ON \`claims\` (\`pool\`,\`number\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`claimant_part_idx\` ON \`claims\` (\`claimant\`,\`part\`);`)
  // Seats become claims of the capacity engine: an event's open seats (1..open) and reserved seats
  // (the numbers after them) as two pools. A seat that lost its registration (a replayed sign-up,
  // a deleted registration) held nobody: it is freed, not copied.
  await db.run(sql`INSERT OR IGNORE INTO \`claims\` (\`pool\`, \`number\`, \`claimant\`, \`part\`, \`updated_at\`, \`created_at\`)
    SELECT CASE WHEN s.number > o.open THEN 'events:' || s.event_id || ':reserved' ELSE 'events:' || s.event_id || ':open' END,
           CASE WHEN s.number > o.open THEN s.number - o.open ELSE s.number END,
           'registrations:' || s.registration_id, 1, s.updated_at, s.created_at
    FROM \`seats\` s
    JOIN (SELECT id, capacity - MIN(MAX(COALESCE(reserved_seats, 0), 0), capacity) AS open FROM \`events\`) o ON o.id = s.event_id
    WHERE s.registration_id IS NOT NULL
    ORDER BY s.id;`)
  await db.run(sql`DROP TABLE \`seats\`;`)
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "claims_id", "email_outbox_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", NULL, "email_outbox_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`registrations_consents\` ADD \`end_reason\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`priority_check_verified_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`priority_check_verified_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`priority_check_released_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`priority_check_released_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`staff_note\` text;`)
  await db.run(sql`CREATE INDEX \`registrations_priority_check_priority_check_verified_by_idx\` ON \`registrations\` (\`priority_check_verified_by_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_priority_check_priority_check_released_by_idx\` ON \`registrations\` (\`priority_check_released_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`seats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` integer NOT NULL,
  	\`number\` numeric NOT NULL,
  	\`registration_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`registration_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`seats_event_idx\` ON \`seats\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`seats_registration_idx\` ON \`seats\` (\`registration_id\`);`)
  await db.run(sql`CREATE INDEX \`seats_updated_at_idx\` ON \`seats\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`seats_created_at_idx\` ON \`seats\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`event_number_idx\` ON \`seats\` (\`event_id\`,\`number\`);`)
  await db.run(sql`DROP TABLE \`claims\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_registrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text NOT NULL,
  	\`event_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`waitlisted_at\` text,
  	\`child_family_name\` text NOT NULL,
  	\`child_given_name\` text NOT NULL,
  	\`child_birth_date\` text NOT NULL,
  	\`child_school\` text,
  	\`child_grade\` text,
  	\`child_area_id\` integer,
  	\`child_priority_group\` text,
  	\`guardian_name\` text NOT NULL,
  	\`guardian_relationship\` text NOT NULL,
  	\`guardian_phone\` text,
  	\`guardian_email\` text,
  	\`submitted_by\` text DEFAULT 'guardian' NOT NULL,
  	\`submission_id\` text,
  	\`confirmation_queued_at\` text,
  	\`reminded_at\` text,
  	\`cancelled_at\` text,
  	\`manage_token_hash\` text,
  	\`idempotency_key\` text,
  	\`child_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`child_area_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_registrations\`("id", "reference", "event_id", "status", "waitlisted_at", "child_family_name", "child_given_name", "child_birth_date", "child_school", "child_grade", "child_area_id", "child_priority_group", "guardian_name", "guardian_relationship", "guardian_phone", "guardian_email", "submitted_by", "submission_id", "confirmation_queued_at", "reminded_at", "cancelled_at", "manage_token_hash", "idempotency_key", "child_key", "updated_at", "created_at") SELECT "id", "reference", "event_id", "status", "waitlisted_at", "child_family_name", "child_given_name", "child_birth_date", "child_school", "child_grade", "child_area_id", "child_priority_group", "guardian_name", "guardian_relationship", "guardian_phone", "guardian_email", "submitted_by", "submission_id", "confirmation_queued_at", "reminded_at", "cancelled_at", "manage_token_hash", "idempotency_key", "child_key", "updated_at", "created_at" FROM \`registrations\`;`)
  await db.run(sql`DROP TABLE \`registrations\`;`)
  await db.run(sql`ALTER TABLE \`__new_registrations\` RENAME TO \`registrations\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`registrations_reference_idx\` ON \`registrations\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`registrations_event_idx\` ON \`registrations\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_status_idx\` ON \`registrations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`registrations_waitlisted_at_idx\` ON \`registrations\` (\`waitlisted_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_child_child_area_idx\` ON \`registrations\` (\`child_area_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_submission_id_idx\` ON \`registrations\` (\`submission_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_confirmation_queued_at_idx\` ON \`registrations\` (\`confirmation_queued_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_reminded_at_idx\` ON \`registrations\` (\`reminded_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_manage_token_hash_idx\` ON \`registrations\` (\`manage_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`registrations_idempotency_key_idx\` ON \`registrations\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`registrations_child_key_idx\` ON \`registrations\` (\`child_key\`);`)
  await db.run(sql`CREATE INDEX \`registrations_updated_at_idx\` ON \`registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_created_at_idx\` ON \`registrations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`event_status_waitlistedAt_idx\` ON \`registrations\` (\`event_id\`,\`status\`,\`waitlisted_at\`);`)
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
  	\`seats_id\` integer,
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
  	FOREIGN KEY (\`seats_id\`) REFERENCES \`seats\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_outbox_id\`) REFERENCES \`email_outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", "seats_id", "email_outbox_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "areas_id", "campaigns_id", "posts_id", "events_id", "registrations_id", NULL, "email_outbox_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_seats_id_idx\` ON \`payload_locked_documents_rels\` (\`seats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`email_outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`ALTER TABLE \`registrations_consents\` DROP COLUMN \`end_reason\`;`)
}
