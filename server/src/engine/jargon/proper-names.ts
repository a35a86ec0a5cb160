// Where a replacement must never go: inside a proper name ("Consolidated Framework for
// Implementation Research", "Office of Research Dissemination") or inside the words that spell
// out an acronym ("randomized controlled trial (RCT)"). Rewriting a word there changes a name
// or breaks a definition, so the rule gives its hint without an edit.

/** Small words that may sit inside a capitalised name: "Office of Mental Health Operations". */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', 'at', '&', 'de']);

const WORD_AT_END = /([\p{L}\p{N}&][\p{L}\p{N}&'’]*)[\s\-\u2010\u2011\u2013]*$/u;
const WORD_AT_START = /^[\s\-\u2010\u2011\u2013]*([\p{L}\p{N}&][\p{L}\p{N}&'’]*)/u;

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** Whether the words right before `start` (joiners allowed in between) include a capitalised one. */
function capitalisedWordBefore(text: string, start: number): boolean {
  let rest = text.slice(Math.max(0, start - 120), start);
  for (let i = 0; i < 4; i++) {
    const m = WORD_AT_END.exec(rest);
    if (!m) return false;
    rest = rest.slice(0, m.index);
    // The first word of a sentence has a capital whatever it is: "Use CFIR" is no name.
    if (isCapitalised(m[1])) return !SENTENCE_START.test(rest);
    if (!NAME_JOINERS.has(m[1].toLowerCase())) return false;
  }
  return false;
}

/** What comes before the first word of a sentence or of a value (quotes, block indicators). */
const SENTENCE_START = /(?:^|[.!?:;"'“‘([>|])\s*$/u;

/** Whether the words right after `end` (joiners allowed in between) include a capitalised one. */
function capitalisedWordAfter(text: string, end: number): boolean {
  let rest = text.slice(end, end + 120);
  for (let i = 0; i < 4; i++) {
    const m = WORD_AT_START.exec(rest);
    if (!m) return false;
    if (isCapitalised(m[1])) return true;
    if (!NAME_JOINERS.has(m[1].toLowerCase())) return false;
    rest = rest.slice(m[0].length);
  }
  return false;
}

/**
 * The words of the hit are capitalised and sit in a longer run of capitalised words: a name
 * such as "Center for Dissemination and Implementation" or a framework's spelled-out title.
 * A capital at the start of a sentence alone ("Fidelity checks") is not a name. A title
 * written in title case ("Fidelity Review Plan") also counts: the hint stays, the edit goes.
 */
export function isInsideProperName(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).split(/[\s\-\u2010\u2011\u2013]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || !words.every((w) => isCapitalised(w) || NAME_JOINERS.has(w.toLowerCase()))) return false;
  return capitalisedWordBefore(text, start) || capitalisedWordAfter(text, end);
}

/** "(RCT)", "(CFIR)", "(i-PARIHS)", "(HSR&D)": an acronym in parentheses. */
const PARENTHESISED_ACRONYM = /^\s*\(\s*([\p{L}&-]*\p{Lu}[\p{L}&-]*)\s*\)/u;

/** The first letters of the words, with or without the small joiners ("intention-to-treat" is ITT). */
function initialsOf(words: string[]): string[] {
  const initials = (list: string[]) => list.map((w) => w.charAt(0).toUpperCase()).join('');
  return [initials(words.filter((w) => !NAME_JOINERS.has(w.toLowerCase()))), initials(words)];
}

/** Initials that spell the acronym, or nearly: "Quality Enhancement Research Initiative" is QUERI. */
function spells(initials: string, letters: string): boolean {
  if (initials === letters) return true;
  if (initials.charAt(0) !== letters.charAt(0) || initials.length < letters.length - 2) return false;
  let at = 0;
  for (const c of initials) {
    at = letters.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The hit is part of the words spelled out for an acronym that follows in parentheses:
 * "randomized controlled trial (RCT)". Checked by initials: the acronym's capital letters
 * are the initials of the words that end right before it, and the hit lies among them.
 */
export function isInsideAcronymDefinition(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 200);
  const words = /^[\p{L}\p{N}\s,\-\u2010\u2011\u2013&'’]*?(?=\s*\()/u.exec(after);
  if (!words) return false;
  const acronym = PARENTHESISED_ACRONYM.exec(after.slice(words[0].length));
  if (!acronym) return false;
  const letters = acronym[1].replace(/[^\p{Lu}]/gu, '');
  // The words from the hit up to the parenthesis, plus up to a few words before the hit.
  const upTo = text.slice(Math.max(0, start - 120), end) + words[0];
  const all = upTo.split(/[\s,\-\u2010\u2011\u2013]+/).filter((w) => /\p{L}/u.test(w));
  const fromHit = (text.slice(start, end) + words[0]).split(/[\s,\-\u2010\u2011\u2013]+/).filter((w) => /\p{L}/u.test(w));
  for (let take = fromHit.length; take <= all.length; take++) {
    const initials = initialsOf(all.slice(all.length - take));
    if (initials.some((i) => spells(i, letters))) return true;
    if (initials.every((i) => i.length > letters.length)) return false;
  }
  return false;
}

/**
 * A partner's name defines an acronym when it holds it ("Mental Health QUERI") or when the
 * acronym's letters are the initials of its words ("Office of Mental Health Operations", OMHO).
 */
export function nameDefinesAcronym(name: string, acronym: string): boolean {
  const tokens = name.split(/\s+/).map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  if (tokens.includes(acronym)) return true;
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  const words = name.split(/[\s,\-\u2010\u2011\u2013]+/).filter((w) => /\p{L}/u.test(w));
  return letters.length >= 2 && initialsOf(words).some((initials) => initials === letters);
}
