// Finds research jargon in prose. Every surface form of every term (inflections,
// British spellings, variants) goes into a trie that is compiled to one regular
// expression per case mode, so a lint is one linear scan however long the list is.
import everydayPhrases from './everyday-phrases.json';
import { followsDeterminer, Replaces } from './grammar';
import rawTerms from './jargon-terms.json';

export type JargonKind = 'stats' | 'design' | 'impl-sci' | 'academic' | 'acronym' | 'custom';

export interface JargonEntry {
  term: string;
  alternatives: string[];
  kind: JargonKind;
  note?: string;
  expansion?: string;
  variants?: string[];
  /** What the alternatives stand in for; user terms leave it out. */
  replaces?: Replaces;
  /** For a noun: alternatives that fit where it modifies the next word ("fidelity checklists"). */
  modifier?: string[];
  /** A proper name (a framework's title or acronym): hint only, never an edit inside it. */
  name?: boolean;
  /** A word that is also an everyday verb ("construct"): flagged only after a determiner. */
  nounOnly?: boolean;
}

export interface JargonHit {
  start: number;
  end: number;
  matched: string;
  entry: JargonEntry;
}

/** A piece of source text in document order; `checked` false = only used for acronym definitions (names, notes), never flagged. */
export interface TextSegment {
  text: string;
  offset: number;
  checked: boolean;
  /**
   * An object that stands for this exact text (its YAML node): the hits found in it are
   * remembered for as long as the object lives, so text that did not change between two
   * lints of a document is not scanned again.
   */
  key?: object;
}

export const BUILTIN_TERMS: readonly JargonEntry[] = Object.freeze(rawTerms as JargonEntry[]);

/**
 * Everyday phrases that contain a term but are not jargon ("facilitation experience", "crisis
 * intervention"). They are matched like terms, so the longest match wins, and then dropped.
 */
export const EVERYDAY_PHRASES: readonly string[] = Object.freeze(everydayPhrases as string[]);

/** The value every everyday phrase maps to; hits on it are never reported. */
const EVERYDAY: JargonEntry = Object.freeze({ term: '', alternatives: [], kind: 'custom' });

// ---------------------------------------------------------------------------
// Surface forms

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const DASHES = /[-\u2010\u2011\u2013]/;
const SEPARATORS = /[\s\-\u2010\u2011\u2013]+/g;

const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** Lower-case, one space between words, bare hyphens: the form that the trie is built from. */
function canonical(phrase: string): string {
  return phrase
    .trim()
    .toLowerCase()
    .replace(/\s*[-\u2010\u2011\u2013]\s*/g, '-')
    .replace(/\s+/g, ' ');
}

/** Lookup key: separators dropped, so "stepped wedge", "stepped-\n  wedge" and "steppedwedge" agree. */
function formKey(text: string, caseSensitive: boolean): string {
  const bare = text.replace(SEPARATORS, '');
  return caseSensitive ? bare : bare.toLowerCase();
}

/** American and British spellings of one word (randomized/randomised, behavior/behaviour). */
function spellings(word: string): string[] {
  if (word.length <= 5) return [word];
  const suffix = '(?=(?:e|es|ed|ing|ers?|ations?|ational\\w*|ab\\w*)$)';
  return unique([
    word,
    word.replace(new RegExp(`iz${suffix}`), 'is'),
    word.replace(new RegExp(`is${suffix}`), 'iz'),
    word.replace(/yz(?=(?:e|es|ed|ing|ers?)$)/, 'ys'),
    word.replace(/ys(?=(?:e|es|ed|ing|ers?)$)/, 'yz'),
    word.replace(/avior/, 'aviour'),
    word.replace(/aviour/, 'avior'),
  ]);
}

/**
 * Regular inflections of the last word of a term. Forms that are not real words
 * (e.g. "robusted") are harmless: they never occur in text.
 */
function inflections(word: string): string[] {
  if (!/^\p{L}+$/u.test(word) || word.length < 3) return [word];
  if (word.length === 3) return word.endsWith('s') ? [word] : [word, `${word}s`];
  const ize = /^(.{3,})([iy])[zs]e$/.exec(word);
  if (ize) {
    const stem = `${ize[1]}${ize[2]}z`;
    const nouns = ize[2] === 'i' ? [`${stem}ation`, `${stem}ations`] : [];
    return [`${stem}e`, `${stem}es`, `${stem}ed`, `${stem}ing`, ...nouns];
  }
  if (/[iy][sz]ation$/.test(word)) return [word, `${word}s`];
  if (word.endsWith('sis')) return [word, `${word.slice(0, -2)}es`];
  if (/(?:ss|us|as|x|z|ch|sh)$/.test(word)) return [word, `${word}es`, `${word}ed`, `${word}ing`];
  if (/(?:s|ed)$/.test(word)) return [word];
  if (word.endsWith('ing')) return [word, `${word}s`];
  if (/[^aeiou]y$/.test(word)) {
    const stem = word.slice(0, -1);
    return [word, `${stem}ies`, `${stem}ied`, `${word}ing`];
  }
  if (word.endsWith('e')) return [word, `${word}s`, `${word}d`, `${word.slice(0, -1)}ing`];
  const doubled = /[aeiou]l$/.test(word) ? [`${word}led`, `${word}ling`] : [];
  return [word, `${word}s`, `${word}ed`, `${word}ing`, ...doubled];
}

/** All canonical forms of a phrase: British spellings of every word, inflections of the last. */
function phraseForms(phrase: string): string[] {
  const parts = canonical(phrase).split(/([ -])/);
  const last = parts.length - 1;
  const options = parts.map((part, i) => {
    if (i % 2 === 1) return [part];
    return i === last ? unique(inflections(part).flatMap(spellings)) : spellings(part);
  });
  return options.reduce<string[]>((acc, opts) => acc.flatMap((prefix) => opts.map((o) => prefix + o)), ['']);
}

/** Case-sensitive terms (acronyms) are matched as written, plus a plural "s". */
function acronymForms(term: string): string[] {
  const written = term.trim().replace(/\s+/g, ' ');
  return /\p{Lu}$/u.test(written) ? [written, `${written}s`] : [written];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------
// Trie compiled to a regular expression

/** Trie keys for flexible separators; any other key is a literal character. */
const SEP_SPACE = '\u0001';
const SEP_HYPHEN = '\u0002';
const SEP_OPTIONAL = '\u0003';

const WORD = '[\\p{L}\\p{N}_]';
const DASH = '[\\-\\u2010\\u2011\\u2013]';
const BETWEEN_WORDS = `(?:\\s*${DASH}\\s*|\\s+)`;

function atom(key: string): string {
  switch (key) {
    case SEP_SPACE:
      return BETWEEN_WORDS; // any whitespace, line breaks and indentation included, or a hyphen
    case SEP_HYPHEN:
      return `${BETWEEN_WORDS}?`; // "stepped-wedge", "stepped wedge", "steppedwedge"
    case SEP_OPTIONAL:
      return '\\s*'; // space next to punctuation: "p < .05" and "p<.05"
    default:
      return /[\^$\\.*+?()[\]{}|/]/.test(key) ? `\\${key}` : key;
  }
}

/** Split a canonical form into trie keys, turning spaces and hyphens into flexible separators. */
function toKeys(form: string): string[] {
  const chars = Array.from(form);
  return chars.map((c, i) => {
    if (c !== ' ' && !DASHES.test(c)) return c;
    const betweenWords = isWordChar(chars[i - 1]) && isWordChar(chars[i + 1]);
    if (c === ' ') return betweenWords ? SEP_SPACE : SEP_OPTIONAL;
    return betweenWords ? SEP_HYPHEN : c;
  });
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

const newNode = (): TrieNode => ({ children: new Map(), end: false });

function insert(root: TrieNode, keys: readonly string[]): void {
  let node = root;
  for (const key of keys) {
    let child = node.children.get(key);
    if (!child) node.children.set(key, (child = newNode()));
    node = child;
  }
  node.end = true;
}

/** Longer continuations come before "stop here", so the longest form wins and backtracking finds shorter ones. */
function emit(node: TrieNode): string {
  const alternatives = [...node.children].map(([key, child]) => atom(key) + emit(child));
  if (node.end) alternatives.push('');
  return alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
}

/**
 * One regular expression for a set of forms. Forms are grouped by whether they
 * start and end with a word character, so word boundaries apply only where they make sense
 * (terms such as "D&I" or "et al.").
 */
function compile(forms: Iterable<string>, flags: string): RegExp | undefined {
  const groups = new Map<string, TrieNode>();
  for (const form of forms) {
    const chars = Array.from(form);
    const shape = `${isWordChar(chars[0]) ? 'w' : '-'}${isWordChar(chars[chars.length - 1]) ? 'w' : '-'}`;
    if (!groups.has(shape)) groups.set(shape, newNode());
    insert(groups.get(shape)!, toKeys(form));
  }
  const pieces = ['ww', 'w-', '-w', '--']
    .filter((shape) => groups.has(shape))
    .map((shape) => {
      const before = shape[0] === 'w' ? `(?<!${WORD})` : '';
      const after = shape[1] === 'w' ? `(?!${WORD})` : '';
      return `${before}(?:${emit(groups.get(shape)!)})${after}`;
    });
  return pieces.length ? new RegExp(pieces.join('|'), flags) : undefined;
}

/**
 * Forms of one case mode: their compiled expression and the value each form stands for.
 *
 * A case-insensitive index lower-cases its forms and the text it scans instead of using the
 * `i` flag: with the `u` flag V8 compiled the 16,000-character expression about 2.4 times
 * slower and ran it about 2.6 times slower that way (a noticeable part of the server's start).
 * A text whose lower case has another length (a dotted capital I, say) is scanned with the
 * `i` flag, so offsets always point into the text as given.
 */
class FormIndex<T> {
  private readonly values = new Map<string, T>();
  private readonly forms = new Set<string>();
  private regex: RegExp | undefined;
  private sticky: RegExp | undefined;
  private foldingRegex: RegExp | undefined;
  private foldingSticky: RegExp | undefined;

  constructor(private readonly caseSensitive: boolean) {}

  /** The first value registered for a form wins. */
  add(form: string, value: T): void {
    if (!form) return;
    this.forms.add(form);
    const key = formKey(form, this.caseSensitive);
    if (!this.values.has(key)) this.values.set(key, value);
  }

  compile(): void {
    const forms = this.caseSensitive ? this.forms : new Set([...this.forms].map((form) => form.toLowerCase()));
    this.regex = compile(forms, 'gu');
    this.sticky = this.regex && new RegExp(this.regex.source, 'yu');
  }

  get(text: string): T | undefined {
    return this.values.get(formKey(text, this.caseSensitive));
  }

  /** Whether every form holds a character `test` accepts (so text without one cannot match). */
  everyForm(test: RegExp): boolean {
    for (const form of this.forms) if (!test.test(form)) return false;
    return true;
  }

  /** The smallest `measure` of any form (Infinity without forms). */
  shortestForm(measure: (form: string) => number): number {
    let shortest = Infinity;
    for (const form of this.forms) shortest = Math.min(shortest, measure(form));
    return shortest;
  }

  /** Uses the shared expression with lastIndex rather than matchAll, which clones (and recompiles) it on every call. */
  scan(text: string): { index: number; text: string; value: T }[] {
    const found: { index: number; text: string; value: T }[] = [];
    const { regex, subject } = this.forScan(text);
    if (!regex) return found;
    regex.lastIndex = 0;
    for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
      const matched = subject === text ? m[0] : text.slice(m.index, m.index + m[0].length);
      const value = this.get(matched);
      if (value !== undefined) found.push({ index: m.index, text: matched, value });
    }
    return found;
  }

  /** The value of a form starting exactly at `index`, if any. */
  at(text: string, index: number): T | undefined {
    const { sticky, subject } = this.forScan(text);
    if (!sticky) return undefined;
    sticky.lastIndex = index;
    const m = sticky.exec(subject);
    return m ? this.get(m[0]) : undefined;
  }

  /** The expressions and the text to run them on: the text itself, or its lower case. */
  private forScan(text: string): { regex: RegExp | undefined; sticky: RegExp | undefined; subject: string } {
    if (this.caseSensitive) return { regex: this.regex, sticky: this.sticky, subject: text };
    const lower = text.toLowerCase();
    if (lower.length === text.length) return { regex: this.regex, sticky: this.sticky, subject: lower };
    if (!this.foldingRegex && this.forms.size > 0) {
      this.foldingRegex = compile(this.forms, 'giu');
      this.foldingSticky = this.foldingRegex && new RegExp(this.foldingRegex.source, 'yiu');
    }
    return { regex: this.foldingRegex, sticky: this.foldingSticky, subject: text };
  }
}

// ---------------------------------------------------------------------------
// Matcher

/** Acronyms, and user terms written in capitals, are case-sensitive so "Eric" is not ERIC. */
function isCaseSensitive(entry: JargonEntry): boolean {
  return entry.kind === 'acronym' || (entry.kind === 'custom' && /\p{Lu}.*\p{Lu}/u.test(entry.term) && !/\p{Ll}/u.test(entry.term));
}

function phrasesOf(entry: JargonEntry): string[] {
  return [entry.term, ...(entry.variants ?? [])];
}

/** The term and its variants as written (canonical spacing). */
function exactForms(entry: JargonEntry): string[] {
  const phrases = phrasesOf(entry);
  return isCaseSensitive(entry) ? phrases.map((p) => p.trim().replace(/\s+/g, ' ')) : phrases.map(canonical);
}

/** Inflections and other spellings of the term and its variants. */
function generatedForms(entry: JargonEntry): string[] {
  return unique(phrasesOf(entry).flatMap(isCaseSensitive(entry) ? acronymForms : phraseForms));
}

function byAbsoluteStart(a: JargonHit, b: JargonHit): number {
  return a.start - b.start || b.end - a.end;
}

/** Keep the earliest, then longest, of overlapping hits (only arises between the two case modes). */
function dropOverlaps(hits: JargonHit[]): JargonHit[] {
  const kept: JargonHit[] = [];
  let reached = -1;
  for (const hit of hits.sort(byAbsoluteStart)) {
    if (hit.start < reached) continue;
    kept.push(hit);
    reached = hit.end;
  }
  return kept;
}

/** "<words> (CFIR)": the acronym sits in parentheses right after some words. */
function isParenthesized(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return /[\p{L}\p{N}.'’"”]\s*\(\s*$/u.test(before) && /^\s*[);,]/.test(text.slice(end, end + 20));
}

const NO_HITS: JargonHit[] = [];

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The dashes DASH accepts between words. */
function isDash(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/** What `\s` matches, ASCII first (the common case). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/** A copy that does not share memory with the document it was cut from. */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

interface Expansion {
  entry: JargonEntry;
  key: string;
}

export class JargonMatcher {
  private readonly terms = new FormIndex<JargonEntry>(false);
  private readonly acronyms = new FormIndex<JargonEntry>(true);
  private readonly expansions = new FormIndex<JargonEntry[]>(false);
  private readonly expansionKeys: Expansion[] = [];
  private readonly acronymsFolded = new Map<string, JargonEntry>();
  private readonly allowed: Set<JargonEntry>;
  private readonly acronymsNeedCapital: boolean;
  private readonly expansionsNeedSpace: boolean;
  /** Hyphenated expansions also match written together ("plandostudyact"): the shortest such spelling. */
  private readonly shortestJoinedExpansion: number;
  /** Hits (offsets relative to the segment) by segment key; dropped with the key. */
  private readonly segmentHits = new WeakMap<object, { length: number; hits: JargonHit[]; full: boolean }>();

  constructor(entries: readonly JargonEntry[], allow: readonly string[]) {
    const distinct = this.distinct(entries);
    // Exact terms and variants first, so a generated form never shadows another entry's own term.
    for (const entry of distinct) this.addForms(entry, exactForms(entry));
    for (const entry of distinct) this.addForms(entry, generatedForms(entry));
    for (const phrase of EVERYDAY_PHRASES) for (const form of phraseForms(phrase)) this.terms.add(form, EVERYDAY);
    this.addExpansions(distinct);
    this.terms.compile();
    this.acronyms.compile();
    this.expansions.compile();
    this.allowed = new Set(allow.map((a) => this.lookup(a)).filter((e): e is JargonEntry => e !== undefined));
    this.acronymsNeedCapital = this.acronyms.everyForm(/[A-Z]/);
    this.expansionsNeedSpace = this.expansions.everyForm(/\s|[A-Za-z]-[A-Za-z]/);
    this.shortestJoinedExpansion = this.expansions.shortestForm((form) => form.replace(/[\s\-\u2010\u2011\u2013]/g, '').length);
  }

  /**
   * Whether text outside prose (a name, an id, a date) can matter: only through an acronym
   * it spells out or uses, or an expansion it holds. Every built-in acronym has a capital
   * letter, and an expansion needs a space, a dash between letters ("plan-do-study-act"), or
   * at least as many characters as the shortest one written together. So most such values
   * (ids, dates, statuses) are skipped without a scan.
   */
  mayDefineAcronyms(text: string, start: number, end: number): boolean {
    if (!this.acronymsNeedCapital || !this.expansionsNeedSpace || end - start >= this.shortestJoinedExpansion) return true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 65 && c <= 90) || isSpace(c)) return true;
      if (isDash(c) && isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1))) return true;
    }
    return false;
  }

  /** All hits in one string; offsets are relative to `text` plus `offset`. Does not apply acronym-definition logic. */
  findInText(text: string, offset = 0): JargonHit[] {
    const hits: JargonHit[] = [];
    for (const index of [this.terms, this.acronyms]) {
      for (const m of index.scan(text)) {
        hits.push({ start: offset + m.index, end: offset + m.index + m.text.length, matched: m.text, entry: m.value });
      }
    }
    // Allowed terms and everyday phrases still take part in matching, so allowing "randomized
    // controlled trial" does not expose "randomized", nor "facilitation experience" "facilitation".
    return dropOverlaps(hits).filter((hit) => !this.allowed.has(hit.entry) && hit.entry !== EVERYDAY && this.isUsedAsTerm(hit, text, offset));
  }

  /** A noun that is also an everyday verb counts only after a determiner: "a construct", not "we construct". */
  private isUsedAsTerm(hit: JargonHit, text: string, offset: number): boolean {
    return !hit.entry.nounOnly || followsDeterminer(text, hit.start - offset);
  }

  /** Hits across segments in document order, dropping acronyms spelled out earlier and dropping hits in unchecked segments. */
  findInSegments(segments: readonly TextSegment[]): JargonHit[] {
    const found = segments.map((segment) => this.findInSegment(segment));
    const hasAcronyms = found.some((hits) => hits.some((hit) => hit.entry.kind === 'acronym'));
    const spelledOut = hasAcronyms ? this.firstExpansionEnds(segments) : new Map<JargonEntry, number>();
    const defined = new Set<JargonEntry>();
    const result: JargonHit[] = [];
    segments.forEach((segment, i) => {
      for (const hit of found[i]) {
        if (hit.entry.kind === 'acronym' && this.isDefined(hit, segment, spelledOut, defined)) continue;
        if (segment.checked) result.push(hit);
      }
    });
    return result;
  }

  /** Hits of one segment, from the cache when its key was scanned before (with the same text). */
  private findInSegment(segment: TextSegment): JargonHit[] {
    if (!segment.key) return this.findHits(segment.text, segment.offset, segment.checked).hits;
    // The key's text never changes (a node is replaced when its text is); the length is a cheap check.
    // The text itself is not kept: a slice of a document would keep that whole version alive.
    let cached = this.segmentHits.get(segment.key);
    if (!cached || cached.length !== segment.text.length || (segment.checked && !cached.full)) {
      const found = this.findHits(segment.text, 0, segment.checked);
      const hits = found.hits.map((hit) => ({ ...hit, matched: detached(hit.matched) }));
      cached = { length: segment.text.length, hits, full: found.full };
      this.segmentHits.set(segment.key, cached);
    }
    const { hits } = cached;
    if (hits.length === 0) return NO_HITS;
    return hits.map((hit) => ({ ...hit, start: hit.start + segment.offset, end: hit.end + segment.offset }));
  }

  /**
   * The hits of a segment. In an unchecked one (names, ids, dates) only acronyms matter (a
   * name can spell one out), so the long list of terms is not tried on it unless it holds an
   * acronym, where the terms decide which of two overlapping hits counts. `full` tells
   * whether term hits are included.
   */
  private findHits(text: string, offset: number, checked: boolean): { hits: JargonHit[]; full: boolean } {
    if (!checked && this.acronyms.scan(text).length === 0) return { hits: NO_HITS, full: false };
    return { hits: this.findInText(text, offset), full: true };
  }

  /** The entry for a term, a matched inflection ("randomised") or an acronym. */
  lookup(termOrMatchedText: string): JargonEntry | undefined {
    const text = termOrMatchedText.trim();
    const entry = this.acronyms.get(text) ?? this.terms.get(text) ?? this.acronymsFolded.get(formKey(text, false));
    return entry === EVERYDAY ? undefined : entry;
  }

  /** Entries earlier in the list win, so user terms given first replace built-in ones with the same term. */
  private distinct(entries: readonly JargonEntry[]): JargonEntry[] {
    const seen = new Set<string>();
    return entries.filter((entry) => {
      const key = formKey(entry.term, isCaseSensitive(entry));
      if (!entry.term.trim() || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private addForms(entry: JargonEntry, forms: readonly string[]): void {
    const caseSensitive = isCaseSensitive(entry);
    const index = caseSensitive ? this.acronyms : this.terms;
    for (const form of forms) {
      index.add(form, entry);
      if (caseSensitive) {
        const folded = formKey(form, false);
        if (!this.acronymsFolded.has(folded)) this.acronymsFolded.set(folded, entry);
      }
    }
  }

  private addExpansions(entries: readonly JargonEntry[]): void {
    const byForm = new Map<string, JargonEntry[]>();
    for (const entry of entries) {
      if (entry.kind !== 'acronym' || !entry.expansion?.trim()) continue;
      this.expansionKeys.push({ entry, key: formKey(canonical(entry.expansion), false) });
      for (const form of phraseForms(entry.expansion)) {
        const list = byForm.get(form) ?? [];
        byForm.set(form, [...list, entry]);
      }
    }
    for (const [form, list] of byForm) this.expansions.add(form, list);
  }

  /** Entries spelled out by a matched expansion, including ones it contains ("Health Services Research" in HSR&D's). */
  private credited(matched: string, direct: readonly JargonEntry[]): JargonEntry[] {
    const key = formKey(matched, false);
    return unique([...direct, ...this.expansionKeys.filter((e) => key.includes(e.key)).map((e) => e.entry)]);
  }

  /** For each acronym, the absolute offset where its expansion first ends. */
  private firstExpansionEnds(segments: readonly TextSegment[]): Map<JargonEntry, number> {
    const ends = new Map<JargonEntry, number>();
    for (const segment of segments) {
      for (const m of this.expansions.scan(segment.text)) {
        const end = segment.offset + m.index + m.text.length;
        for (const entry of this.credited(m.text, m.value)) {
          if (end < (ends.get(entry) ?? Infinity)) ends.set(entry, end);
        }
      }
    }
    return ends;
  }

  private isDefined(hit: JargonHit, segment: TextSegment, spelledOut: Map<JargonEntry, number>, defined: Set<JargonEntry>): boolean {
    if (defined.has(hit.entry) || (spelledOut.get(hit.entry) ?? Infinity) <= hit.start) return true;
    const start = hit.start - segment.offset;
    const end = hit.end - segment.offset;
    if (isParenthesized(segment.text, start, end)) {
      defined.add(hit.entry);
      return true;
    }
    return this.followedByExpansion(hit, segment.text, end);
  }

  /** "CFIR (Consolidated Framework for Implementation Research)" defines it too. */
  private followedByExpansion(hit: JargonHit, text: string, end: number): boolean {
    const open = /^\s*\(\s*/.exec(text.slice(end, end + 20));
    if (!open) return false;
    const start = end + open[0].length;
    const direct = this.expansions.at(text, start);
    return direct !== undefined && direct.includes(hit.entry);
  }
}

// ---------------------------------------------------------------------------
// Cache

const CACHE_LIMIT = 8;
const cache = new Map<string, JargonMatcher>();

/** Cached by the (extra, allow) content so a config change builds a new matcher but repeated lints reuse one. */
export function getMatcher(extra: readonly { term: string; alternatives: string[] }[], allow: readonly string[]): JargonMatcher {
  const key = JSON.stringify([extra.map((e) => [e.term, e.alternatives]), allow]);
  let matcher = cache.get(key);
  if (!matcher) {
    const custom: JargonEntry[] = extra.map((e) => ({ term: e.term, alternatives: [...e.alternatives], kind: 'custom' }));
    matcher = new JargonMatcher([...custom, ...BUILTIN_TERMS], allow);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, matcher);
  }
  return matcher;
}
