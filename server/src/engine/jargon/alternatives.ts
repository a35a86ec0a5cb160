// Which plain alternatives fit where a term stands: only those that keep the sentence
// grammatical become quick fixes; the others stay in the message as a hint.
import { hasDegreeWordBefore, useOf } from './grammar';
import { JargonEntry } from './matcher';

/** Lower case, one space between words, hyphens as spaces: "Stepped-\n wedge" is "stepped wedge". */
function normalized(text: string): string {
  return text.toLowerCase().replace(/[\s\-\u2010\u2011\u2013]+/g, ' ').trim();
}

/**
 * The text is the term or one of its variants as listed, not an inflection: the alternatives
 * are written for that form ("were utilized" must not become "were use").
 */
function isListedForm(entry: JargonEntry, matched: string): boolean {
  const text = normalized(matched);
  return [entry.term, ...(entry.variants ?? [])].some((form) => normalized(form) === text);
}

/** Keep a capital letter where the user wrote one (at the start of a sentence). */
function matchCase(replacement: string, matched: string): string {
  const first = matched.charAt(0);
  return first !== first.toLowerCase() && matched !== matched.toUpperCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

/**
 * The replacements that fit the term at `start`..`end` of `text`:
 * - a proper name (a framework's title, a framework's acronym) gets none;
 * - a research acronym gets its spelled-out form;
 * - a verb's alternatives fit its base form only;
 * - an adjective's alternatives are adjectives and fit wherever it stands;
 * - a noun's alternatives fit where it heads its phrase ("assess fidelity"); where it modifies
 *   the next word ("fidelity checklists") only its `modifier` alternatives fit, and after a
 *   degree word ("high fidelity") none does.
 */
export function fittingAlternatives(entry: JargonEntry, text: string, start: number, end: number): string[] {
  const matched = text.slice(start, end);
  if (entry.name) return [];
  if (entry.kind === 'acronym') return entry.expansion ? [`${entry.expansion} (${matched})`] : [];
  if (!isListedForm(entry, matched)) return [];
  const fitting = alternativesForUse(entry, text, start, end);
  return fitting.map((alternative) => matchCase(alternative, matched));
}

function alternativesForUse(entry: JargonEntry, text: string, start: number, end: number): string[] {
  switch (entry.replaces) {
    case 'verb':
    case 'modifier':
      return entry.alternatives;
    case 'noun':
      if (hasDegreeWordBefore(text, start)) return [];
      return useOf(text, end) === 'modifier' ? (entry.modifier ?? []) : entry.alternatives;
    default:
      // Terms a user added: their alternatives are their own words, offered as written.
      return entry.alternatives;
  }
}

/** The alternatives to name in the message: those for the term's use here, else its usual ones. */
export function alternativesToMention(entry: JargonEntry, text: string, start: number, end: number): string[] {
  if (entry.replaces === 'noun' && useOf(text, end) === 'modifier' && entry.modifier?.length) return entry.modifier;
  return entry.alternatives;
}
