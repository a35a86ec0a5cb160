// Partner references (`owner`, milestone, barrier and action `owner`, meeting `attendees`):
// people write the partner's lead, its name, the acronym of its name, or its id in another
// case. Each names one partner when only one partner fits.
import { closestMeaning, uniqueSuggestion } from '../suggest';
import { Interpretation, noReading, PartnerFacts, Reading, ValueContext, ValueTable } from './types';
import { compact, normalize } from './words';

/** Words left out of an acronym: "Office of Mental Health Operations" is OMHO. */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'to', '&', 'a', 'an']);
const TITLES = /^(dr|mr|mrs|ms|mx|prof|professor)\.?\s+/;

/** "OMHO" for "Office of Mental Health Operations"; words already in capitals stay whole (MH QUERI). */
export function acronymOf(name: string): string {
  return name
    .split(/[\s/-]+/)
    .filter((word) => word !== '' && !SMALL_WORDS.has(word.toLowerCase()))
    .map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.charAt(0)))
    .join('')
    .toLowerCase();
}

/** Words written in capitals inside a name ("QUERI" in "Mental Health QUERI"). */
function capitalWords(name: string): string[] {
  return name.split(/[\s/(),-]+/).filter((word) => /^[A-Z][A-Z0-9&]{1,}$/.test(word)).map((w) => w.toLowerCase());
}

type Reason = 'id' | 'name' | 'acronym' | 'lead';

interface Match {
  partner: PartnerFacts;
  reason: Reason;
}

function person(text: string): string {
  return normalize(text).replace(TITLES, '');
}

/** How `typed` names `partner`, if it does. */
function matchOf(typed: string, partner: PartnerFacts): Reason | undefined {
  const flat = compact(typed);
  if (flat === '') return undefined;
  if (flat === compact(partner.id)) return 'id';
  const name = partner.name ?? '';
  if (name && (flat === compact(name) || flat === compact(name.replace(/^the\s+/i, '')))) return 'name';
  if (name && (flat === acronymOf(name) || capitalWords(name).includes(flat))) return 'acronym';
  const lead = partner.lead ? person(partner.lead) : '';
  if (lead) {
    const who = person(typed);
    if (who === lead) return 'lead';
    // One of the lead's names alone ("Okafor", "Sam"), of two letters or more.
    if (!who.includes(' ') && who.length >= 2 && lead.split(' ').includes(who)) return 'lead';
  }
  return undefined;
}

function describeMatch(match: Match): string {
  const { partner } = match;
  const who = partner.name ? `${partner.name} (\`${partner.id}\`)` : `\`${partner.id}\``;
  switch (match.reason) {
    case 'id':
      return `is the partner id \`${partner.id}\``;
    case 'name':
      return `is the name of the partner \`${partner.id}\``;
    case 'acronym':
      return `is short for ${who}`;
    case 'lead':
      return `is the lead of ${who}`;
  }
}

function readingFor(partner: PartnerFacts, reason: Reason): Reading {
  return { value: partner.id, meaning: reason === 'lead' ? `${partner.lead}'s partner` : partner.name };
}

export function interpretPartner(typed: string, context: ValueContext): Interpretation {
  const matches: Match[] = [];
  for (const partner of context.partners) {
    const reason = matchOf(typed, partner);
    if (reason) matches.push({ partner, reason });
  }
  if (matches.length === 1) {
    const [match] = matches;
    // An id in another case needs no explanation: the fix says it all.
    if (match.reason === 'id') return { readings: [readingFor(match.partner, match.reason)] };
    return { readings: [readingFor(match.partner, match.reason)], note: `${describeMatch(match)}, and partners are named by their id here` };
  }
  if (matches.length > 1) {
    return {
      readings: matches.map((m) => readingFor(m.partner, m.reason)),
      note: `fits more than one partner (${matches.map((m) => `\`${m.partner.id}\``).join(', ')}): pick the one meant`,
    };
  }
  return closeToAnId(typed, context) ?? closeSpelling(typed, context);
}

/**
 * A misspelled id close to exactly one partner's id (`qeuri`): one reading, fixed without
 * asking, as the rule always has (the file names that partner and nothing else is close).
 */
function closeToAnId(typed: string, context: ValueContext): Interpretation | undefined {
  const id = uniqueSuggestion(typed, context.partners.map((p) => p.id));
  return id ? { readings: [{ value: id }], note: 'is not a partner id' } : undefined;
}

/** A close spelling of one partner's id, name or lead: offered, but a person checks it. */
function closeSpelling(typed: string, context: ValueContext): Interpretation {
  const phrases = new Map<string, string>();
  for (const p of context.partners) {
    for (const phrase of [p.name, p.lead].filter((x): x is string => !!x)) phrases.set(normalize(phrase), p.id);
  }
  const id = closestMeaning(normalize(typed), phrases, (a, b) => a === b);
  return id ? { readings: [{ value: id }], note: `is close to how the partner \`${id}\` is named`, decide: true } : noReading();
}

/** The spec's example partners, for the docs' samples. */
export const EXAMPLE_PARTNERS: readonly PartnerFacts[] = [
  { id: 'ops', name: 'Office of Mental Health Operations', lead: 'Dana Ruiz' },
  { id: 'queri', name: 'Mental Health QUERI', lead: 'Sam Okafor' },
];

export const partnerReferences: ValueTable = {
  kind: 'partner',
  title: 'Partner references (`owner`, milestone and barrier `owner`, meeting `attendees`)',
  accepted: 'the `id` of a partner listed under `partners` (`ops`).',
  example: 'owner: ops',
  samples: ['Dana Ruiz', 'Okafor', 'OMHO', 'Mental Health QUERI', 'QUERI', 'Ops'],
  write: 'text',
  interpret: interpretPartner,
};

/** Words for "every partner at the table". */
const EVERYONE = /^(all|everyone|everybody|both|all partners|both partners|all of us|the whole team|all teams|both teams|everyone listed)$/;
const SEPARATORS = /\s*(?:,|;|\/|&|\+|\band\b)\s*/;

/** Several partners written as one value: every partner, or a list written as text. */
export interface PartnersMeant {
  ids: string[];
  /** Every part names exactly one partner (or the value means every partner). */
  certain: boolean;
  note: string;
}

/**
 * "all", "both", or "ops, queri" / "Dana and Sam" written where one attendee goes: the ids
 * meant, when every part names a partner. Undefined for a single name.
 */
export function partnersMeant(typed: string, context: ValueContext): PartnersMeant | undefined {
  const text = normalize(typed);
  if (EVERYONE.test(text) && context.partners.length > 0) {
    return { ids: context.partners.map((p) => p.id), certain: true, note: 'means every partner: list their ids' };
  }
  const parts = typed.split(SEPARATORS).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length < 2) return undefined;
  const readings = parts.map((part) => (context.partners.some((p) => p.id === part) ? { readings: [{ value: part }] } : interpretPartner(part, context)));
  if (readings.some((r) => r.readings.length !== 1)) return undefined;
  return {
    ids: readings.map((r) => String(r.readings[0].value)),
    certain: readings.every((r) => !r.decide),
    note: 'names several partners in one value: attendees are a list of partner ids',
  };
}
