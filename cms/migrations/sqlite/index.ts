import * as migration_20261124_041218_initial from './20261124_041218_initial';
import * as migration_20261124_052848_events_registrations from './20261124_052848_events_registrations';
import * as migration_20261124_064753_signup_flow_audit from './20261124_064753_signup_flow_audit';
import * as migration_20261124_114224_registrations_waitlist_index from './20261124_114224_registrations_waitlist_index';
import * as migration_20261124_121615_consent_withdrawal from './20261124_121615_consent_withdrawal';
import * as migration_20261130_144606_capacity_claims from './20261130_144606_capacity_claims';
import * as migration_20261130_145623_audit_changes from './20261130_145623_audit_changes';
import * as migration_20261130_150258_outbox_retention from './20261130_150258_outbox_retention';
import * as migration_20261130_154758_remove_login_lockout from './20261130_154758_remove_login_lockout';
import * as migration_20261201_024605_gift_drives from './20261201_024605_gift_drives';
import * as migration_20261201_025633_site_fund from './20261201_025633_site_fund';
import * as migration_20261201_033040_hand_overs from './20261201_033040_hand_overs';
import * as migration_20261201_033457_bank_matching from './20261201_033457_bank_matching';
import * as migration_20261201_111110_contests from './20261201_111110_contests';

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
    up: migration_20261130_144606_capacity_claims.up,
    down: migration_20261130_144606_capacity_claims.down,
    name: '20261130_144606_capacity_claims',
  },
  {
    up: migration_20261130_145623_audit_changes.up,
    down: migration_20261130_145623_audit_changes.down,
    name: '20261130_145623_audit_changes',
  },
  {
    up: migration_20261130_150258_outbox_retention.up,
    down: migration_20261130_150258_outbox_retention.down,
    name: '20261130_150258_outbox_retention',
  },
  {
    up: migration_20261130_154758_remove_login_lockout.up,
    down: migration_20261130_154758_remove_login_lockout.down,
    name: '20261130_154758_remove_login_lockout',
  },
  {
    up: migration_20261201_024605_gift_drives.up,
    down: migration_20261201_024605_gift_drives.down,
    name: '20261201_024605_gift_drives',
  },
  {
    up: migration_20261201_025633_site_fund.up,
    down: migration_20261201_025633_site_fund.down,
    name: '20261201_025633_site_fund',
  },
  {
    up: migration_20261201_033040_hand_overs.up,
    down: migration_20261201_033040_hand_overs.down,
    name: '20261201_033040_hand_overs',
  },
  {
    up: migration_20261201_033457_bank_matching.up,
    down: migration_20261201_033457_bank_matching.down,
    name: '20261201_033457_bank_matching',
  },
  {
    up: migration_20261201_111110_contests.up,
    down: migration_20261201_111110_contests.down,
    name: '20261201_111110_contests'
  },
];
