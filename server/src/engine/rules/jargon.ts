import { hasReusableNodes } from '../chunked-parse';
import { fix, replaceEdit } from '../edits';
import { getMatcher, JargonHit, TextSegment } from '../jargon/matcher';
import { isInsideAcronymDefinition, isInsideProperName } from '../jargon/proper-names';
import { forEachStringScalar } from '../model';
import { Fix } from '../types';
import { Rule } from './rule';

/** Keep a capital letter where the user wrote one (at the start of a sentence). */
function matchCase(replacement: string, matched: string): string {
  const first = matched.charAt(0);
  return first !== first.toLowerCase() && matched !== matched.toUpperCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

function replacementsFor(hit: JargonHit): string[] {
  if (hit.entry.kind === 'acronym' && hit.entry.expansion) return [`${hit.entry.expansion} (${hit.matched})`];
  return hit.entry.alternatives.map((alternative) => matchCase(alternative, hit.matched));
}

/** Characters that keep their meaning in any plain, quoted, flow or block scalar (no comma, colon, quote or #). */
const SAFE_IN_ANY_SCALAR = /^[\p{L}\p{N} .()/-]+$/u;

/**
 * Rewriting prose needs a person who reads the sentence, so no replacement is ever safe
 * (`--fix` and Fix All leave jargon alone). None is offered inside a proper name or inside
 * the words that spell out an acronym: the finding then keeps its hint without an edit.
 */
function fixesFor(hit: JargonHit, value: TextSegment): Fix[] {
  const start = hit.start - value.offset;
  const end = hit.end - value.offset;
  if (isInsideProperName(value.text, start, end) || isInsideAcronymDefinition(value.text, start, end)) return [];
  return replacementsFor(hit)
    .filter((replacement) => SAFE_IN_ANY_SCALAR.test(replacement))
    .flatMap((replacement) => fix(`Replace with "${replacement}"`, replaceEdit(hit.start, hit.end, replacement), false));
}

function messageFor(hit: JargonHit): string {
  const shown = hit.matched.replace(/\s+/g, ' ');
  if (hit.entry.kind === 'acronym') {
    const expansion = hit.entry.expansion ? `: ${hit.entry.expansion} (${shown})` : '';
    return `Spell out "${shown}" the first time you use it${expansion}. Not everyone at the table knows research acronyms.`;
  }
  const alternatives = hit.entry.alternatives.map((a) => `"${a}"`).join(' or ');
  return `"${shown}" is research jargon. Say it plainly: ${alternatives}.`;
}

export const jargon: Rule = {
  id: 'jargon',
  defaultSeverity: 'warning',
  description: 'A prose value uses research jargon.',
  docs: {
    why: 'Clinical partners may not speak research language; jargon quietly shuts people out, so write in the words your clinical partners use.',
    bad: 'summary: A stepped-wedge design to assess fidelity of the intervention.',
    good: 'summary: Clinics start one after another, and we check the program is delivered as intended.',
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
    for (const hit of matcher.findInSegments(segments)) {
      while (at < segments.length - 1 && segments[at].offset + segments[at].text.length <= hit.start) at++;
      report({
        span: { start: hit.start, end: hit.end },
        message: messageFor(hit),
        fixes: fixesFor(hit, segments[at]),
        data: { term: hit.entry.term, matched: hit.matched, alternatives: hit.entry.alternatives, kind: hit.entry.kind, note: hit.entry.note },
      });
    }
  },
};
