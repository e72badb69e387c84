// Migration 2: what CRM imports need. Address fields on accounts and reps (so a re-import can place a
// record again and the export can hand them back), leads as their own table, and saved column mappings.
// Added columns have defaults, so workspaces written before keep working unchanged.
export const sql = /* sql */ `
ALTER TABLE accounts ADD COLUMN street  TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN city    TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN state   TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN zip     TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN county  TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN type    TEXT NOT NULL DEFAULT '';

ALTER TABLE reps ADD COLUMN email     TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN street    TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN city      TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN state     TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN zip       TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN county    TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN country   TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN placement TEXT NOT NULL DEFAULT 'exact';

-- Leads: placed like accounts (unit_idx -1 when unplaced), not part of territory KPIs.
CREATE TABLE leads (
  idx       INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  company   TEXT NOT NULL DEFAULT '',
  email     TEXT NOT NULL DEFAULT '',
  status    TEXT NOT NULL DEFAULT '',
  source    TEXT NOT NULL DEFAULT '',
  street    TEXT NOT NULL DEFAULT '',
  city      TEXT NOT NULL DEFAULT '',
  state     TEXT NOT NULL DEFAULT '',
  zip       TEXT NOT NULL DEFAULT '',
  county    TEXT NOT NULL DEFAULT '',
  country   TEXT NOT NULL DEFAULT '',
  industry  TEXT NOT NULL DEFAULT '',
  owner     TEXT NOT NULL DEFAULT '',
  x         REAL NOT NULL,
  y         REAL NOT NULL,
  unit_idx  INTEGER NOT NULL,
  placement TEXT NOT NULL
);

-- Column mappings the user saved from the import wizard (field key -> column header, as JSON).
CREATE TABLE import_presets (
  name       TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  mapping    TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;
