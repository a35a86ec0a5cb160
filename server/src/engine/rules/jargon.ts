import { hasReusableNodes } from '../chunked-parse';
import { fix, replaceEdit } from '../edits';
import { alternativesToMention, fittingAlternatives } from '../jargon/alternatives';
import { BUILTIN_TERMS, EVERYDAY_PHRASES, getMatcher, JargonEntry, JargonHit, TextSegment } from '../jargon/matcher';
import { isInsideAcronymDefinition, isInsideProperName, nameDefinesAcronym } from '../jargon/proper-names';
import { CharterModel, forEachStringScalar } from '../model';
import { Fix } from '../types';
import { Rule } from './rule';

/** Characters that keep their meaning in any plain, quoted, flow or block scalar (no comma, colon, quote or #). */
const SAFE_IN_ANY_SCALAR = /^[\p{L}\p{N} .()/-]+$/u;

/**
 * Rewriting prose needs a person who reads the sentence, so no replacement is ever safe
 * (`--fix` and Fix All leave jargon alone). Only alternatives that fit the sentence's grammar
 * are offered, and none inside a proper name or inside the words that spell out an acronym:
 * the finding then keeps its hint without an edit.
 */
function fixesFor(hit: JargonHit, value: TextSegment): Fix[] {
  const start = hit.start - value.offset;
  const end = hit.end - value.offset;
  if (isInsideProperName(value.text, start, end) || isInsideAcronymDefinition(value.text, start, end)) return [];
  return fittingAlternatives(hit.entry, value.text, start, end)
    .filter((replacement) => SAFE_IN_ANY_SCALAR.test(replacement))
    .flatMap((replacement) => fix(`Replace with "${replacement}"`, replaceEdit(hit.start, hit.end, replacement), false));
}

/** Whose readers the term may lose: the clinical partner's, by name when the charter gives one. */
function readersOf(model: CharterModel): string {
  const clinical = model.partners.filter((partner) => partner.string('side') === 'clinical');
  if (clinical.length > 1) return "the clinical partners' readers";
  const named = (clinical[0]?.string('name') ?? clinical[0]?.string('id'))?.trim();
  return named ? `readers at ${named}` : "the clinical partner's readers";
}

const quoted = (phrases: readonly string[]): string => phrases.map((p) => `"${p}"`).join(' or ');

/** One short sentence: the term, whose readers it may lose, and a plainer way to say it. */
function messageFor(hit: JargonHit, value: TextSegment, readers: string): string {
  const shown = hit.matched.replace(/\s+/g, ' ');
  const { entry } = hit;
  if (entry.kind === 'acronym' && entry.name) {
    return `"${shown}" (${entry.expansion}) is a research framework's name that may lose ${readers}; say what it is for: ${quoted(entry.alternatives.slice(-1))}.`;
  }
  if (entry.kind === 'acronym') {
    const expansion = entry.expansion ? `: ${entry.expansion} (${shown})` : '';
    return `"${shown}" is a research acronym that may lose ${readers}; spell it out${expansion}.`;
  }
  if (entry.name) return `"${shown}" is a research framework's name that may lose ${readers}; say what it is for: ${quoted(entry.alternatives)}.`;
  const alternatives = alternativesToMention(entry, value.text, hit.start - value.offset, hit.end - value.offset);
  return `"${shown}" is research jargon that may lose ${readers}; plainer: ${quoted(alternatives)}.`;
}

/** Acronyms a partner's `name` spells out or holds ("Office of Mental Health Operations" is OMHO). */
function acronymsNamedByPartners(model: CharterModel): (acronym: string) => boolean {
  const names = model.partners.map((partner) => partner.string('name')).filter((name): name is string => Boolean(name?.trim()));
  if (names.length === 0) return () => false;
  return (acronym) => names.some((name) => nameDefinesAcronym(name, acronym));
}

/** The size of the built-in list by category, for docs/rules.md (and the README, which a test keeps in step). */
export function termListDetails(): string {
  const count = (test: (entry: JargonEntry) => boolean) => BUILTIN_TERMS.filter(test).length;
  const names = count((e) => Boolean(e.name) && e.kind !== 'acronym');
  return [
    `The built-in list has ${BUILTIN_TERMS.length} terms: ${count((e) => e.kind === 'stats')} from statistics, ` +
      `${count((e) => e.kind === 'design')} from study design, ${count((e) => e.kind === 'impl-sci')} from implementation science ` +
      `(${names} of them names of frameworks and theories), ${count((e) => e.kind === 'academic')} of academic phrasing and ` +
      `${count((e) => e.kind === 'acronym')} research acronyms. ${EVERYDAY_PHRASES.length} everyday phrases that contain a term ` +
      '("facilitation experience", "crisis intervention") are never flagged.',
    'Jargon is judged from the seat of a clinical operations manager: the words of operations (adoption, uptake, spread, ' +
      'scale up, sustainability, dashboard, huddle) and the names of offices, networks, facilities and roles (VHA, VISN, VAMC, ' +
      "CBOC, QUERI) are not on the list, and a partner's `name` spells out its own acronym. The list is measured on a " +
      'labelled corpus of real sentences (`test/corpus/jargon`): it must find at least 90% of the research jargon and flag at ' +
      'most 3% of everyday operations sentences.',
    'Replacements are quick fixes only, never applied by `charter lint --fix` or Fix All, and offered only where they fit ' +
      'the sentence: a noun for a noun that heads its phrase, a modifier for a noun that modifies the next word ' +
      '("fidelity checklists"), an adjective for an adjective, a verb for a verb in its base form. After a degree word ' +
      '("high fidelity"), inside a proper name or inside the words that spell out an acronym, the finding keeps its hint ' +
      'without an edit.',
  ].join('\n\n');
}

/** An acronym as written (a built-in one, or a user's term in capitals). */
function isCaseSensitiveHit(hit: JargonHit): boolean {
  return hit.entry.kind === 'acronym' || (hit.entry.kind === 'custom' && /^[\p{Lu}\p{N}&-]+s?$/u.test(hit.matched) && /\p{Lu}.*\p{Lu}/u.test(hit.matched));
}

export const jargon: Rule = {
  id: 'jargon',
  defaultSeverity: 'warning',
  description: 'A prose value uses research jargon.',
  docs: {
    why: 'Clinical partners may not speak research language; jargon quietly shuts people out, so write in the words your clinical partners use.',
    bad: 'summary: A stepped-wedge design to assess fidelity of the intervention.',
    good: 'summary: Clinics start one after another, and we check the program is delivered as intended.',
    fix: 'Quick fixes replace the term with a plain alternative. Never applied by `--fix` or Fix All: rewriting prose needs a person who reads the sentence.',
    details: termListDetails(),
  },
  check({ model, config, report }) {
    const { text } = model.parsed;
    // In the editor, the nodes of text that did not change live on from one version to the
    // next: the matcher remembers the hits of prose. A one-off parse (the CLI) gains nothing
    // from that, and names, ids and dates (nine scalars in ten) are only scanned for acronyms,
    // which costs less than remembering them.
    const cache = hasReusableNodes(model.parsed);
    // Prose is checked for jargon; other scalars only matter for acronyms they spell out.
    // The scalar node stays the same object for as long as its text is unchanged.
    const matcher = getMatcher(config.jargonExtra, config.jargonAllow);
    const segments: TextSegment[] = [];
    forEachStringScalar(model, (node, prose) => {
      const checked = prose !== undefined;
      if (!checked && !matcher.mayDefineAcronyms(text, node.start, node.valueEnd)) return;
      segments.push({ text: text.slice(node.start, node.valueEnd), offset: node.start, checked, key: cache && checked ? node : undefined });
    });
    // Hits and segments are both in document order: one cursor finds each hit's own value,
    // so the context a fix looks at never reaches into a neighbouring key or list item.
    let at = 0;
    const readers = readersOf(model);
    const namedByPartner = acronymsNamedByPartners(model);
    for (const hit of matcher.findInSegments(segments)) {
      while (at < segments.length - 1 && segments[at].offset + segments[at].text.length <= hit.start) at++;
      if (isCaseSensitiveHit(hit) && namedByPartner(hit.matched.replace(/s$/, ''))) continue;
      report({
        span: { start: hit.start, end: hit.end },
        message: messageFor(hit, segments[at], readers),
        fixes: fixesFor(hit, segments[at]),
        data: { term: hit.entry.term, matched: hit.matched, alternatives: hit.entry.alternatives, kind: hit.entry.kind, note: hit.entry.note },
      });
    }
  },
};
