// Migration 1: the initial workspace schema. Kept as a TypeScript string (not a .sql file read at
// run time) so the same module works in the bundled Electron main, under tsx in the CLI, and in tests.
export const sql = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Numeric unit attributes; position is the index into units.measures.
CREATE TABLE measure_defs (
  key      TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  unit     TEXT NOT NULL,
  source   TEXT NOT NULL,
  position INTEGER NOT NULL UNIQUE
);

-- Geo units; idx is the dense index every typed array uses.
CREATE TABLE units (
  idx      INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  kind     TEXT NOT NULL,
  parent   TEXT NOT NULL,
  x        REAL NOT NULL,
  y        REAL NOT NULL,
  measures TEXT NOT NULL
);

CREATE TABLE unit_edges (
  a        INTEGER NOT NULL REFERENCES units(idx),
  b        INTEGER NOT NULL REFERENCES units(idx),
  distance REAL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;

CREATE TABLE geometry (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  format         TEXT NOT NULL,
  units_object   TEXT NOT NULL,
  parents_object TEXT,
  topology       TEXT NOT NULL
);

CREATE TABLE accounts (
  idx       INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  x         REAL NOT NULL,
  y         REAL NOT NULL,
  unit_idx  INTEGER NOT NULL,
  industry  TEXT NOT NULL,
  segment   TEXT NOT NULL,
  employees REAL NOT NULL,
  revenue   REAL NOT NULL,
  potential REAL NOT NULL,
  workload  REAL NOT NULL,
  owner     TEXT NOT NULL,
  placement TEXT NOT NULL
);

CREATE TABLE reps (
  position     INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  home_unit_id TEXT,
  home_x       REAL NOT NULL,
  home_y       REAL NOT NULL,
  seniority    TEXT NOT NULL,
  industries   TEXT NOT NULL,
  languages    TEXT NOT NULL
);

CREATE TABLE scenarios (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  description    TEXT NOT NULL DEFAULT '',
  author         TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  parent_id      INTEGER REFERENCES scenarios(id),
  parent_version INTEGER,
  archived       INTEGER NOT NULL DEFAULT 0
);

-- Append-only: the repository only ever INSERTs here; a version is immutable once written.
CREATE TABLE scenario_versions (
  scenario_id    INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  parent_version INTEGER,
  created_at     TEXT NOT NULL,
  author         TEXT NOT NULL,
  note           TEXT NOT NULL,
  payload        TEXT NOT NULL,
  PRIMARY KEY (scenario_id, version)
);
`;
