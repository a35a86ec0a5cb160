// The meeting blocks that the cadence fixes insert, shared by the rules that offer them.
import { CharterModel } from '../model';

const VALID_ID = /^[a-z][a-z0-9-]*$/;

/**
 * The partner ids a fix may write into the charter: ids that are valid (spec pattern) and
 * written as text. Copying an invalid id would add a `schema` error where the fix lands.
 */
export function allPartnerIds(model: CharterModel): string[] {
  return [...model.partnerIds.values()].filter((entry) => VALID_ID.test(entry.id) && typeof entry.item.scalar('id')?.value === 'string').map((entry) => entry.id);
}

/** An id as a fix writes it: quoted when YAML would read the bare word as a boolean or null. */
export function idText(id: string): string {
  return /^(?:null|true|false|yes|no|on|off|y|n)$/.test(id) ? `"${id}"` : id;
}

function meetingLine(name: string, every: string, minutes: number, model: CharterModel): string {
  return `${name}: {every: ${every}, minutes: ${minutes}, attendees: [${allPartnerIds(model).map(idText).join(', ')}]}`;
}

export const huddleLine = (model: CharterModel) => meetingLine('huddle', 'week', 15, model);
export const briefingLine = (model: CharterModel) => meetingLine('briefing', 'quarter', 60, model);
