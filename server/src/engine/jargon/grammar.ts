// How a matched term is used in its sentence, from the words right next to it, so a quick fix
// only offers an alternative that keeps the sentence grammatical. No tagger: a few closed lists
// of small words decide, and anything unclear gives the hint without an edit.
//
// The heuristic:
// - a term followed (no punctuation between) by a content word modifies that word:
//   "fidelity checklists", "quantitative evaluation";
// - otherwise it is the head of its phrase: "assess fidelity", "fidelity to the model";
// - a degree word right before a noun ("high fidelity", "strong adoption") makes the term part of
//   a phrase that a one-word swap would break: no edit.

/** What a term's alternatives stand in for. */
export type Replaces = 'noun' | 'modifier' | 'verb';

export type Use = 'head' | 'modifier';

/** Words that never start the noun a term would modify: articles, prepositions, conjunctions, pronouns, auxiliaries. */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those each every any some no all both either neither its their our your his her my ' +
    'of to in on at for from by with without about into onto over under between among across through during before after ' +
    'since until upon within per via as than like and or but nor so yet if then because while whereas although though ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'it they we you he she i them us him who whom whose which what when where why how not also only just still even ' +
    'there here such more most less least very too'
  ).split(' '),
);

/** Degree words that, right before a noun term, make a phrase of it ("high fidelity"). */
const DEGREE_WORDS = new Set(
  'high higher highest low lower lowest strong stronger weak weaker good better best poor poorer great greater greatest full partial moderate adequate sufficient limited increased decreased improved overall'.split(
    ' ',
  ),
);

const WORD_AFTER = /^([ \t]+|[ \t]*\r?\n[ \t]*)([\p{L}][\p{L}\p{N}'’-]*)/u;
const WORD_BEFORE = /([\p{L}][\p{L}\p{N}'’-]*)[ \t]+$/u;

/** The word right after `end`, if only spaces (or one line break) separate them. */
export function wordAfter(text: string, end: number): string | undefined {
  return WORD_AFTER.exec(text.slice(end, end + 60))?.[2];
}

/** The word right before `start`, if only spaces separate them. */
export function wordBefore(text: string, start: number): string | undefined {
  return WORD_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[1];
}

/** A word that can be the noun a term modifies: not a small word, an adverb or a past form. */
function isContentWord(word: string): boolean {
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !/(?:ly|ed)$/.test(lower);
}

/** How the term between `start` and `end` is used in `text`. */
export function useOf(text: string, end: number): Use {
  const next = wordAfter(text, end);
  return next !== undefined && isContentWord(next) ? 'modifier' : 'head';
}

/** A degree word in front ("high fidelity"): swapping the noun alone would break the phrase. */
export function hasDegreeWordBefore(text: string, start: number): boolean {
  const previous = wordBefore(text, start);
  return previous !== undefined && DEGREE_WORDS.has(previous.toLowerCase());
}

/** Whether the word before `start` makes the term a noun: "a construct", "each construct", "CFIR constructs". */
export function followsDeterminer(text: string, start: number): boolean {
  const previous = wordBefore(text, start);
  if (previous === undefined) return false;
  return /^(?:a|an|the|this|that|these|those|each|every|one|two|three|four|five|six|seven|eight|nine|ten|any|its|their|our|which|what|key|main)$/i.test(previous) || /^\p{Lu}{2,}/u.test(previous);
}
