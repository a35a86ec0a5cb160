// Shared fast-check generators for the hardening properties (test/hardening/*.test.ts)
// and the long fuzz run (scripts/fuzz.ts): YAML-ish text, arbitrary bytes, random
// mutations of the example charters, generated charters full of fixable problems, and
// large pathological inputs (up to 100 KB) for the hang guard.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { CLEAN } from '../helpers';

/** The repository root, found from this file whether it runs from test/ or out/test/. */
export const REPO_ROOT: string = (() => {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'examples'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root above ${__dirname}`);
    dir = parent;
  }
})();

export interface Sample {
  name: string;
  text: string;
}

/** examples/*.charter.yaml plus the spec's clean charter from test/helpers.ts. */
export const BASE_CHARTERS: readonly Sample[] = [
  ...fs
    .readdirSync(path.join(REPO_ROOT, 'examples'))
    .filter((name) => /\.charter\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name: `examples/${name}`, text: fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8') })),
  { name: 'test/helpers.ts CLEAN', text: CLEAN },
];

/** The seed of the fixed-seed properties in `npm test`. */
export const SEED = 20261126;

/** The largest input the hang guard promises to handle promptly. */
export const MAX_INPUT_CHARS = 100_000;

// ---------------------------------------------------------------------------
// Vocabulary

export const KEYS = [
  'charter', 'title', 'summary', 'owner', 'partners', 'id', 'name', 'side', 'lead', 'contact', 'brings', 'limits',
  'commitment', 'goals', 'text', 'measure', 'cadence', 'huddle', 'briefing', 'every', 'day', 'time', 'minutes',
  'attendees', 'format', 'timeline', 'start', 'milestones', 'due', 'status', 'barriers', 'raised', 'review', 'last',
  'notes', 'leed', 'sied', 'titel', 'mesure', '<<', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '"quoted key"',
  '? complex', '1', 'null', '',
];

const SCALARS = [
  '1', '2', '0', '-1', '1.5', '1e309', '-.inf', '.nan', '0x1F', '0o17', 'null', '~', 'true', 'no', 'yes', 'ops', 'queri',
  'clinical', 'research', 'clinicl', 'reserch', 'week', 'day', '2 weeks', '3 months', '100 days', 'quarter', 'year',
  'fortnight', 'tuesday', 'Tuesday', '"08:30"', '08:30', '"25:99"', '15', '45', '480', '481', '2026-03-31', '2026-02-30',
  '2026-13-01', '1999-01-01', '9999-12-31', 'done', 'on-track', 'at-risk', 'blocked', 'planned', 'open', 'watching',
  'resolved', 'opn', '[ops, queri]', '[]', '{}', '{every: week}', '[[ops]]', '"quoted # not a comment"', "'single ''quote'''",
  '"\\u263A \\x41 \\t"', '"\\uD800"', '|', '>-', '|+2', '&a value', '*a', '&a', '*b', '!!str 1', '!!int x', '!!binary AAAA',
  '!custom x', '!!map {}', '!<tag:yaml.org,2002:str> x', 'We use a stepped-wedge design', 'An RCT to assess fidelity',
  'randomised', 'utilize the CFIR framework', 'Consolidated Framework for Implementation Research (CFIR)', 'p < .05',
  'et al.', 'D&I', 'a: b', 'x # comment', 'x#not-comment', '@reserved', '`backtick`', '%percent', '- dash', '?q', ':colon',
];

const PUNCTUATION = [
  ': ', ':', '- ', '-', '? ', '{', '}', '[', ']', ', ', ',', '#', ' # note', '"', "'", '|', '>', '&', '*', '!', '!!',
  '%YAML 1.2', '%TAG ! tag:x,2026:', '---', '...', '\\', '@', '`', '<<: *a', '&a ', '*a ', '--- |', '...\n---',
];

const WHITESPACE = ['\n', '\n', '\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '\u00a0', '\u2028', '\u2029', '\u0085', '\f', '\v'];

/** Characters that break naive code: astral symbols, lone surrogates, bidi controls, case mappings that change length. */
export const TRICKY_CHARS = [
  'é', 'e\u0301', '漢字', '😀', '👩‍⚕️', '\ud83d', '\udc00', '\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200d',
  '\ufeff', '\u0000', '\u0007', '\u001b[31m', '\ufffd', 'İ', 'ß', 'ﬁ', 'ǅ', 'ı', 'Σ', '\u0130RCT', '\uffff', '\u{10ffff}',
];

// ---------------------------------------------------------------------------
// Text generators

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 4, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 4, arbitrary: fc.constantFrom(...WHITESPACE) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_CHARS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Random token soup: mostly YAML punctuation, keys and values with every kind of line break. */
const tokenSoup = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));

const indentation = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 10 }).map((n) => ' '.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('\t', ' \t', '\t  ', '  \t') },
);

const newline = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r');

/** Line-structured text: `indent [- ] key: value [# comment]` lines. */
const yamlLine = fc
  .tuple(
    indentation,
    fc.boolean(),
    fc.constantFrom(...KEYS),
    fc.oneof(fc.constantFrom(...SCALARS), fc.constant(''), token),
    fc.option(fc.constantFrom(' # a comment', ' #', '# charter-disable-next-line', ' # charter-disable jargon', '#x'), { nil: undefined }),
  )
  .map(([indent, dash, key, value, comment]) => `${indent}${dash ? '- ' : ''}${key}:${value === '' ? '' : ` ${value}`}${comment ?? ''}`);

const lineStructured = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: yamlLine }, { weight: 1, arbitrary: tokenSoup }), newline), { maxLength: 40 })
  .map((lines) => lines.map(([line, eol]) => line + eol).join(''));

/** YAML-ish text: line-structured charters and token soup. */
export const yamlishText: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: lineStructured }, { weight: 1, arbitrary: tokenSoup });

/** Arbitrary bytes as a text editor would decode them (invalid UTF-8 becomes U+FFFD). */
export const byteText: fc.Arbitrary<string> = fc
  .oneof(
    fc.uint8Array({ maxLength: 400 }),
    // A valid charter prefix followed by garbage, so the parser gets past line one.
    fc.tuple(fc.constantFrom(...BASE_CHARTERS.map((s) => s.text)), fc.nat(), fc.uint8Array({ maxLength: 200 })).map(([text, cut, bytes]) => {
      const prefix = Buffer.from(text.slice(0, cut % (text.length + 1)), 'utf8');
      return new Uint8Array(Buffer.concat([prefix, Buffer.from(bytes)]));
    }),
  )
  .map((bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes));

// ---------------------------------------------------------------------------
// Mutations of real charters

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'reindent'; at: number; by: number }
  | { kind: 'tab-indent'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'line-endings'; style: 'crlf' | 'mixed' | 'cr' | 'none'; seed: number };

const insertion = fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.constantFrom(...PUNCTUATION), fc.constantFrom(...WHITESPACE), token);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('reindent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('tab-indent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('line-endings' as const), style: fc.constantFrom('crlf' as const, 'mixed' as const, 'cr' as const, 'none' as const), seed: fc.nat() }),
);

function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = splitKeepingEnds(text);
  const line = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
  switch (m.kind) {
    case 'delete-line':
      if (lines.length) lines.splice(line(m.at), 1);
      return lines.join('');
    case 'duplicate-line':
      if (lines.length) lines.splice(line(m.at), 0, lines[line(m.at)]);
      return lines.join('');
    case 'swap-lines': {
      if (!lines.length) return text;
      const [a, b] = [line(m.at), line(m.other)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('');
    }
    case 'reindent': {
      if (!lines.length) return text;
      const i = line(m.at);
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('');
    }
    case 'tab-indent': {
      if (!lines.length) return text;
      const i = line(m.at);
      lines[i] = lines[i].replace(/^ +/, '\t');
      return lines.join('');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-range': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'line-endings': {
      const lf = text.replace(/\r\n?/g, '\n');
      if (m.style === 'crlf') return lf.replace(/\n/g, '\r\n');
      if (m.style === 'none') return lf;
      let i = m.seed;
      return lf.replace(/\n/g, () => {
        i = (i * 1103515245 + 12345) % 2147483648;
        if (m.style === 'cr') return i % 7 === 0 ? '\r' : '\n';
        return i % 2 === 0 ? '\r\n' : '\n';
      });
    }
  }
}

/** An example charter (or one generated below) with 1 to 8 random mutations. */
export function mutationsOf(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, ms]) => ms.reduce(applyMutation, text));
}

export const baseCharter: fc.Arbitrary<string> = fc.constantFrom(...BASE_CHARTERS.map((s) => s.text));

export const mutatedExample: fc.Arbitrary<string> = mutationsOf(baseCharter);

// ---------------------------------------------------------------------------
// Generated charters: well-formed YAML with the problems that fixes exist for

const PROSE = [
  'Help outpatient teams use symptom measures in routine visits',
  'We will utilize a stepped-wedge design to assess fidelity',
  'An RCT of the intervention',
  'Randomized rollout across sites, with the CFIR framework',
  'Consolidated Framework for Implementation Research (CFIR) guides the interviews',
  'Share of visits with a recorded measure, from the monthly dashboard',
  'Dissemination of the evidence-based practice',
  'Stakeholder engagement and sustainability',
  'Café staff say "hi" — 漢字 — 😀',
  'Leadership buy-in',
  'A pre-post comparison of outcomes',
  'Quarterly reports to the network office',
];

/** Plain, quoted and odd scalar spellings of one prose value. */
const prose = fc.tuple(fc.constantFrom(...PROSE), fc.constantFrom('plain', 'double', 'single', 'folded')).map(([text, style]) => ({ text, style }));

function scalar(value: { text: string; style: string }, indent: string): string {
  switch (value.style) {
    case 'double':
      return JSON.stringify(value.text);
    case 'single':
      return `'${value.text.replace(/'/g, "''")}'`;
    case 'folded':
      return `>\n${indent}  ${value.text}`;
    default:
      return /[:#"'\-{}[\],&*!|>%@`]|^\s|\s$/.test(value.text) ? JSON.stringify(value.text) : value.text;
  }
}

const comment = fc.option(fc.constantFrom('  # reviewed by Dana', ' # TODO: check with ops', '   # "quoted" # twice', ' # café 😀'), { nil: '' });

const partner = fc.record({
  id: fc.constantFrom('ops', 'queri', 'network', 'pc-north', 'research-team'),
  side: fc.constantFrom('clinical', 'research', 'clinicl', 'reserch', 'Clinical'),
  leadKey: fc.constantFrom('lead', 'lead', 'leed', 'both'),
  brings: fc.array(prose, { maxLength: 3 }),
  commitment: fc.option(prose, { nil: undefined }),
  flow: fc.boolean(),
  comment,
});

const meeting = fc.record({
  every: fc.constantFrom('week', '2 weeks', 'month', 'quarter', 'weak', 'day'),
  minutes: fc.constantFrom(15, 30, 45, 60),
  attendees: fc.array(fc.constantFrom('ops', 'queri', 'opps', 'nobody'), { maxLength: 3 }),
  format: fc.option(prose, { nil: undefined }),
  flow: fc.boolean(),
});

export const charterSpec = fc.record({
  header: fc.option(fc.constantFrom('# Partnership charter\n', '# charter-disable huddle-long\n', '---\n', '%YAML 1.2\n---\n'), { nil: '' }),
  title: prose,
  summary: fc.option(prose, { nil: undefined }),
  owner: fc.constantFrom('none', 'ops', 'opps', 'queri'),
  titleKey: fc.constantFrom('title', 'title', 'titel'),
  partners: fc.array(partner, { maxLength: 3 }),
  goals: fc.array(fc.record({ text: prose, measure: fc.option(prose, { nil: undefined }), key: fc.constantFrom('measure', 'mesure') }), { maxLength: 2 }),
  cadence: fc.constantFrom('none', 'empty-comment', 'huddle', 'briefing', 'both'),
  huddle: meeting,
  briefing: meeting,
  milestones: fc.array(
    fc.record({ title: prose, due: fc.constantFrom('2026-03-31', '2025-01-01', '2027-06-30', ''), owner: fc.constantFrom('ops', 'opps', ''), status: fc.constantFrom('done', 'planned', 'on-trak', '') }),
    { maxLength: 3 },
  ),
  barriers: fc.array(fc.record({ text: prose, status: fc.constantFrom('open', 'opn', 'resolved') }), { maxLength: 2 }),
  review: fc.constantFrom('none', 'last-only', 'every', 'overdue'),
  notes: fc.option(fc.constantFrom('Anything # with a hash', '|\n  Block notes\n  # not a comment inside a block', 'RCT and fidelity are fine here'), { nil: undefined }),
  trailingNewline: fc.boolean(),
  crlf: fc.boolean(),
  indent: fc.constantFrom(2, 4),
});

export type CharterSpec = typeof charterSpec extends fc.Arbitrary<infer T> ? T : never;

/** Writes a charter from a spec: block and flow styles, comments everywhere, typos that fixes target. */
export function renderCharter(spec: CharterSpec): string {
  const ind = ' '.repeat(spec.indent);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  if (spec.header) push(spec.header.replace(/\n$/, ''));
  push('charter: 1');
  push(`${spec.titleKey}: ${scalar(spec.title, '')}`);
  if (spec.summary) push(`summary: ${scalar(spec.summary, '')}  # plain words`);
  if (spec.owner !== 'none') push(`owner: ${spec.owner} # who owns it`);
  if (spec.partners.length) {
    push('partners:');
    spec.partners.forEach((p, i) => {
      const id = i === 0 ? p.id : `${p.id}${i}`;
      if (p.flow) {
        push(`${ind}- {id: ${id}, name: Team ${i}, side: ${p.side}${p.leadKey === 'leed' ? ', leed: Sam' : ', lead: Sam'}${p.brings.length ? `, brings: [${p.brings.map((b) => JSON.stringify(b.text)).join(', ')}]` : ''}}${p.comment}`);
        return;
      }
      push(`${ind}- id: ${id}${p.comment}`);
      push(`${ind}  name: Team ${i}`);
      push(`${ind}  side: ${p.side}`);
      if (p.leadKey === 'lead' || p.leadKey === 'both') push(`${ind}  lead: Dana Ruiz`);
      if (p.leadKey === 'leed' || p.leadKey === 'both') push(`${ind}  leed: Rosa Delgado   # typo`);
      if (p.brings.length) {
        push(`${ind}  brings:`);
        for (const b of p.brings) push(`${ind}    - ${scalar(b, `${ind}    `)}`);
      }
      if (p.commitment) push(`${ind}  commitment: ${scalar(p.commitment, `${ind}  `)}`);
    });
  }
  if (spec.goals.length) {
    push('goals:');
    spec.goals.forEach((g, i) => {
      push(`${ind}- id: goal-${i}`);
      push(`${ind}  text: ${scalar(g.text, `${ind}  `)}`);
      if (g.measure) push(`${ind}  ${g.key}: ${scalar(g.measure, `${ind}  `)}`);
    });
  }
  const meetingLine = (name: string, m: typeof spec.huddle) => {
    const attendees = `[${m.attendees.join(', ')}]`;
    if (m.flow) {
      push(`${ind}${name}: {every: ${m.every}, minutes: ${m.minutes}, attendees: ${attendees}${m.format ? `, format: ${JSON.stringify(m.format.text)}` : ''}}`);
      return;
    }
    push(`${ind}${name}:`);
    push(`${ind}${ind}every: ${m.every}`);
    push(`${ind}${ind}minutes: ${m.minutes}   # minutes`);
    push(`${ind}${ind}attendees: ${attendees}`);
    if (m.format) push(`${ind}${ind}format: ${scalar(m.format, `${ind}${ind}`)}`);
  };
  if (spec.cadence !== 'none') {
    push('cadence:');
    if (spec.cadence === 'empty-comment') push(`${ind}# to be agreed`);
    if (spec.cadence === 'huddle' || spec.cadence === 'both') meetingLine('huddle', spec.huddle);
    if (spec.cadence === 'briefing' || spec.cadence === 'both') meetingLine('briefing', spec.briefing);
  }
  if (spec.milestones.length) {
    push('timeline:');
    push(`${ind}start: 2026-01-15`);
    push(`${ind}milestones:`);
    spec.milestones.forEach((m, i) => {
      const parts = [`id: m${i}`, `title: ${JSON.stringify(m.title.text)}`];
      if (m.due) parts.push(`due: ${m.due}`);
      if (m.owner) parts.push(`owner: ${m.owner}`);
      if (m.status) parts.push(`status: ${m.status}`);
      push(`${ind}${ind}- {${parts.join(', ')}}`);
    });
  }
  if (spec.barriers.length) {
    push('barriers:');
    spec.barriers.forEach((b, i) => {
      push(`${ind}- id: b${i}  # barrier`);
      push(`${ind}  text: ${scalar(b.text, `${ind}  `)}`);
      push(`${ind}  status: ${b.status}`);
    });
  }
  if (spec.review === 'last-only') push('review:', `${ind}last: 2026-10-01`);
  if (spec.review === 'every') push('review:', `${ind}every: quarter`, `${ind}last: 2026-10-01`);
  if (spec.review === 'overdue') push('review:', `${ind}every: month`, `${ind}last: 2025-01-01`);
  if (spec.notes) push(`notes: ${spec.notes}`);
  let text = out.join('\n') + (spec.trailingNewline ? '\n' : '');
  if (spec.crlf) text = text.replace(/\n/g, '\r\n');
  return text;
}

export const generatedCharter: fc.Arbitrary<string> = charterSpec.map(renderCharter);

/** The corpora the fix-safety properties run on: generated charters, and light mutations of them and of the examples. */
export const fixCorpus: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: generatedCharter },
  { weight: 1, arbitrary: fc.tuple(generatedCharter, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([t, ms]) => ms.reduce(applyMutation, t)) },
  { weight: 1, arbitrary: fc.tuple(baseCharter, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([t, ms]) => ms.reduce(applyMutation, t)) },
);

// ---------------------------------------------------------------------------
// Large pathological inputs (hang guard)

const PATTERNS: readonly ((n: number) => string)[] = [
  (n) => '['.repeat(n),
  (n) => '['.repeat(n) + ']'.repeat(n),
  (n) => `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
  (n) => `${'- '.repeat(n)}x`,
  (n) => `${'? '.repeat(n)}x`,
  (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i % 400)}k${i}:`).join('\n'),
  (n) => `title: ${'x'.repeat(n)}`,
  (n) => `summary: stepped${' '.repeat(n)}wedge`,
  (n) => `summary: ${'stepped-'.repeat(n)}wedge`,
  (n) => `summary: "${'\\'.repeat(n)}"`,
  (n) => `summary: '${"''".repeat(n)}`,
  (n) => `summary: ${'RCT fidelity (CFIR) randomized '.repeat(n)}`,
  (n) => `summary: ${'( '.repeat(n)}CFIR`,
  (n) => Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n'),
  (n) => Array.from({ length: n }, () => 'k: v').join('\n'),
  (n) => `a: &a x\n${Array.from({ length: n }, (_, i) => `k${i}: *a`).join('\n')}`,
  (n) => Array.from({ length: n }, (_, i) => `k${i}: &a${i} [${i ? `*a${i - 1}, *a${i - 1}` : 'x'}]`).join('\n'),
  (n) => `partners:\n${Array.from({ length: n }, (_, i) => `  - {id: p${i}, name: P, side: clinical}`).join('\n')}`,
  (n) => `partners:\n${Array.from({ length: n }, () => '  - {id: same, name: P, side: clinical}').join('\n')}`,
  (n) => `cadence:\n  huddle: {every: week, attendees: [${Array.from({ length: n }, (_, i) => `x${i}`).join(', ')}]}`,
  (n) => '#'.repeat(n),
  (n) => `# charter-disable-next-line ${'jargon, '.repeat(n)}`,
  (n) => '\n'.repeat(n),
  (n) => '\r'.repeat(n),
  (n) => '\t'.repeat(n),
  (n) => '\ufeff'.repeat(n),
  (n) => '---\n'.repeat(n),
  (n) => `|\n${' x\n'.repeat(n)}`,
  (n) => `"${'a'.repeat(n)}`,
  (n) => `title: ${'\u202e\u0130'.repeat(n)}`,
];

/** One of the patterns above at a random size, capped at MAX_INPUT_CHARS. */
export const largeText: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: PATTERNS.length - 1 }), fc.integer({ min: 1, max: 60_000 }), fc.constantFrom('', 'charter: 1\ntitle: T\n'))
  .map(([p, n, prefix]) => (prefix + PATTERNS[p](n)).slice(0, MAX_INPUT_CHARS));

export const LARGE_PATTERN_COUNT = PATTERNS.length;

/** Pattern `p` at `n` repetitions (for deterministic tests). */
export function largePattern(p: number, n: number): string {
  return PATTERNS[p](n).slice(0, MAX_INPUT_CHARS);
}

/** Every text generator, for "the engine never throws". */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: yamlishText },
  { weight: 1, arbitrary: byteText },
  { weight: 3, arbitrary: mutatedExample },
  { weight: 2, arbitrary: mutationsOf(generatedCharter) },
);

// ---------------------------------------------------------------------------
// Line-ending variants

/** The text with every line break as LF (lone CRs become LF too). */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The text with every line break as CRLF. */
export function toCrlf(text: string): string {
  return toLf(text).replace(/\n/g, '\r\n');
}
