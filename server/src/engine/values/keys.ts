// Keys: written in another case (`Owner:`, `CADENCE:`) they are that key, for every rule,
// and get one safe rename. Other words people use for a key (`deadline:` for `due:`) get a
// rename quick fix that a person confirms: the word might have meant something else.
import { words } from './words';

/** Other words for a key; where one word could be several keys, the first that belongs in the map wins. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  due: ['deadline', 'due date', 'due by', 'target date', 'date due', 'target', 'end date', 'finish by'],
  raised: ['opened', 'date raised', 'raised on', 'logged', 'since', 'first raised', 'reported'],
  last: ['last review', 'last reviewed', 'previous', 'latest', 'last done', 'last held', 'done on'],
  start: ['started', 'start date', 'kickoff', 'kick off', 'began', 'begin', 'launch', 'launched'],
  every: ['frequency', 'how often', 'recurrence', 'repeat', 'repeats', 'interval', 'often', 'cadence', 'period'],
  day: ['weekday', 'day of week', 'day of the week', 'on'],
  time: ['start time', 'starts', 'start', 'at', 'hour', 'starts at', 'time of day'],
  minutes: ['duration', 'length', 'mins', 'minute', 'how long', 'duration minutes', 'length minutes', 'min'],
  attendees: ['participants', 'members', 'people', 'invitees', 'partners', 'who', 'attending', 'attendance'],
  format: ['agenda', 'how', 'structure'],
  owner: ['owned by', 'responsible', 'accountable', 'assignee', 'assigned to', 'who', 'lead', 'owners', 'responsible partner'],
  status: ['state', 'progress', 'rag'],
  title: ['name', 'milestone', 'what', 'heading'],
  text: ['description', 'barrier', 'issue', 'detail', 'details', 'goal', 'what', 'risk'],
  measure: ['metric', 'measures', 'kpi', 'how measured', 'measurement', 'indicator', 'metrics'],
  brings: ['strengths', 'contributes', 'offers', 'assets', 'resources', 'expertise', 'contributions', 'skills', 'bring'],
  limits: ['limitations', 'constraints', 'limited by', 'weaknesses', 'limit', 'constraint'],
  commitment: ['leadership commitment', 'endorsement', 'endorsed by', 'sponsor', 'support', 'buy in', 'leadership support', 'committed'],
  contact: ['email', 'e mail', 'phone', 'contact info', 'contact details', 'mail'],
  lead: ['leader', 'contact person', 'point of contact', 'poc', 'lead person', 'head', 'leads'],
  name: ['team', 'organization', 'organisation', 'full name', 'org', 'team name'],
  side: ['type', 'kind', 'role'],
  summary: ['description', 'purpose', 'overview', 'aim', 'about', 'abstract'],
  partners: ['partner', 'teams', 'parties', 'members'],
  goals: ['goal', 'objectives', 'aims', 'objective'],
  cadence: ['meetings', 'schedule', 'meeting', 'meeting cadence'],
  timeline: ['timelines', 'plan', 'dates'],
  milestones: ['milestone', 'deliverables', 'checkpoints'],
  barriers: ['barrier', 'risks', 'issues', 'challenges', 'obstacles', 'blockers'],
  review: ['reviews', 'retrospective', 'retro'],
  notes: ['note', 'comments', 'comment', 'remarks'],
  charter: ['version', 'format version', 'charter version'],
  huddle: ['standup', 'stand up', 'check in', 'checkin', 'weekly', 'weekly huddle', 'huddles'],
  briefing: ['brief', 'briefings', 'monthly', 'quarterly', 'monthly briefing', 'quarterly briefing'],
  id: ['key', 'slug', 'short name'],
};

const BY_WORD = new Map<string, string[]>();
for (const [key, list] of Object.entries(SYNONYMS)) {
  for (const word of list) BY_WORD.set(words(word), [...(BY_WORD.get(words(word)) ?? []), key]);
}

export interface KeyMeant {
  key: string;
  /** `case`: the key in another case (counts as the key, safe rename); `word`: another word for it. */
  how: 'case' | 'word';
}

/** The key `typed` stands for among the keys `known` in its map, if any. */
export function keyMeant(typed: string, known: readonly string[]): KeyMeant | undefined {
  const lower = typed.toLowerCase();
  const sameKey = known.find((key) => key === lower);
  if (sameKey) return { key: sameKey, how: 'case' };
  const candidates = BY_WORD.get(words(typed)) ?? [];
  const key = candidates.find((candidate) => known.includes(candidate));
  return key ? { key, how: 'word' } : undefined;
}

/** For docs: a few of the words read as keys. */
export const KEY_SAMPLES: readonly (readonly [string, string])[] = [
  ['Owner', 'owner'],
  ['Cadence', 'cadence'],
  ['deadline', 'due'],
  ['frequency', 'every'],
  ['duration', 'minutes'],
  ['participants', 'attendees'],
];
