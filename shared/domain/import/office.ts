import { US_STATES } from '../dataset/us-states';
import { stateAbbr } from './geocode';

/** An office cell read as a place: city (may be empty) and two-letter state ('' when none is named). */
export type OfficePlace = { city: string; state: string };

const SUFFIX = /\s*\b(regional\s+office|branch\s+office|sales\s+office|head\s+office|office|branch|hq|headquarters)\s*$/i;
const STATE_NAMES = US_STATES.map((s) => s.name.toUpperCase()).sort((a, b) => b.length - a.length);

/**
 * Reads an office as written in a reps file: "Chicago, IL", "Chicago IL", "Chicago, Illinois",
 * "Chicago Regional Office, IL", "Buffalo New York", "IL" or "Illinois" alone. A separate office-state cell
 * (stateCell) fills the state when the office names none. Never throws: what it cannot read stays in city.
 */
export function parseOffice(office: string, stateCell = ''): OfficePlace {
  let text = office.trim().replace(/\s+/g, ' ');
  let state = '';
  const comma = text.lastIndexOf(',');
  if (comma >= 0 && stateAbbr(text.slice(comma + 1))) {
    state = stateAbbr(text.slice(comma + 1));
    text = text.slice(0, comma);
  } else if (stateAbbr(text)) {
    return { city: '', state: stateAbbr(text) };
  } else {
    const upper = text.toUpperCase();
    const name = STATE_NAMES.find((n) => upper.endsWith(` ${n}`));
    const last = text.split(' ').at(-1) ?? '';
    if (name) {
      state = stateAbbr(name);
      text = text.slice(0, text.length - name.length - 1);
    } else if (text.includes(' ') && /^[A-Za-z]{2}$/.test(last) && stateAbbr(last)) {
      state = stateAbbr(last);
      text = text.slice(0, text.length - last.length - 1);
    }
  }
  if (!state && stateCell.trim()) state = stateAbbr(stateCell);
  return { city: text.replace(SUFFIX, '').replace(/[,\s]+$/, '').trim(), state };
}

/** The office as one cell ("Chicago, IL"), joining an office-state column when the office names no state. */
export function officeText(office: string, stateCell: string): string {
  const o = office.trim();
  const st = stateCell.trim();
  if (!st || parseOffice(o).state) return o;
  return o ? `${o}, ${st}` : st;
}
