import * as migration_20261124_041218_initial from './20261124_041218_initial';

export const migrations = [
  {
    up: migration_20261124_041218_initial.up,
    down: migration_20261124_041218_initial.down,
    name: '20261124_041218_initial'
  },
];
