// The meeting blocks that the cadence fixes insert, shared by the rules that offer them.
import { CharterModel } from '../model';

export function allPartnerIds(model: CharterModel): string[] {
  return [...model.partnerIds.keys()];
}

function meetingLine(name: string, every: string, minutes: number, model: CharterModel): string {
  return `${name}: {every: ${every}, minutes: ${minutes}, attendees: [${allPartnerIds(model).join(', ')}]}`;
}

export const huddleLine = (model: CharterModel) => meetingLine('huddle', 'week', 15, model);
export const briefingLine = (model: CharterModel) => meetingLine('briefing', 'quarter', 60, model);
