import * as migration_20261124_041228_initial from './20261124_041228_initial';

export const migrations = [
  {
    up: migration_20261124_041228_initial.up,
    down: migration_20261124_041228_initial.down,
    name: '20261124_041228_initial'
  },
];
