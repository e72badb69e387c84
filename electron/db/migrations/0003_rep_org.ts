// Migration 3: where a rep sits in the sales organisation (manager, team, region) and the office they work
// from ("Chicago, IL"), which places a rep whose file gives no home address. Defaults keep older files valid.
export const sql = /* sql */ `
ALTER TABLE reps ADD COLUMN manager TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN team    TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN region  TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN office  TEXT NOT NULL DEFAULT '';
`;
