import { sql as m0001 } from './0001_init';
import { sql as m0002 } from './0002_import';
import { sql as m0003 } from './0003_rep_org';

/** Numbered migrations; index i upgrades user_version i to i + 1. Never edit a shipped one: add a new one. */
export const MIGRATIONS: readonly string[] = [m0001, m0002, m0003];

/** The schema version this build of Tessera writes (PRAGMA user_version). */
export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;
