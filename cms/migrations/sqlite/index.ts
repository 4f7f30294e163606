import * as migration_20261124_041218_initial from './20261124_041218_initial';
import * as migration_20261124_052848_events_registrations from './20261124_052848_events_registrations';
import * as migration_20261124_064753_signup_flow_audit from './20261124_064753_signup_flow_audit';
import * as migration_20261124_114224_registrations_waitlist_index from './20261124_114224_registrations_waitlist_index';
import * as migration_20261124_121615_consent_withdrawal from './20261124_121615_consent_withdrawal';
import * as migration_20261130_144844_remove_login_lockout from './20261130_144844_remove_login_lockout';

export const migrations = [
  {
    up: migration_20261124_041218_initial.up,
    down: migration_20261124_041218_initial.down,
    name: '20261124_041218_initial',
  },
  {
    up: migration_20261124_052848_events_registrations.up,
    down: migration_20261124_052848_events_registrations.down,
    name: '20261124_052848_events_registrations',
  },
  {
    up: migration_20261124_064753_signup_flow_audit.up,
    down: migration_20261124_064753_signup_flow_audit.down,
    name: '20261124_064753_signup_flow_audit',
  },
  {
    up: migration_20261124_114224_registrations_waitlist_index.up,
    down: migration_20261124_114224_registrations_waitlist_index.down,
    name: '20261124_114224_registrations_waitlist_index',
  },
  {
    up: migration_20261124_121615_consent_withdrawal.up,
    down: migration_20261124_121615_consent_withdrawal.down,
    name: '20261124_121615_consent_withdrawal',
  },
  {
    up: migration_20261130_144844_remove_login_lockout.up,
    down: migration_20261130_144844_remove_login_lockout.down,
    name: '20261130_144844_remove_login_lockout'
  },
];
