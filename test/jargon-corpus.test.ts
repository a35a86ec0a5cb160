// The jargon rule measured on real text (issue 13): recall of the labelled research jargon and
// the share of everyday operations sentences it flags, on test/corpus/jargon/corpus.jsonl.
// The labels were written before the term list was tuned; see the corpus's SOURCES.md.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../server/src/engine/lint';
import { termListDetails } from '../server/src/engine/rules/jargon';
import { Span } from '../server/src/engine/types';

interface Sentence {
  id: string;
  part: 'tune' | 'holdout';
  set: 'research' | 'everyday';
  text: string;
  source: string;
  jargon: string[];
  borderline?: string[];
}

const CORPUS = path.resolve(__dirname, '../../test/corpus/jargon/corpus.jsonl');
const MIN_RECALL = 0.9;
const MAX_EVERYDAY_FLAGGED = 0.03;

function readCorpus(): Sentence[] {
  return fs
    .readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Sentence);
}

/** The sentence as a charter's summary, in a literal block so no character needs escaping. */
const PREFIX = 'charter: 1\ntitle: Corpus\nsummary: |-\n  ';

/** Spans (in the sentence) of the jargon findings on it. */
function flagsOn(text: string): Span[] {
  return lintText(PREFIX + text)
    .filter((finding) => finding.rule === 'jargon')
    .map((finding) => ({ start: finding.span.start - PREFIX.length, end: finding.span.end - PREFIX.length }));
}

/** Every place a phrase occurs in the text (labels name phrases, not offsets). */
function occurrences(text: string, phrase: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) spans.push({ start: at, end: at + phrase.length });
  return spans;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

interface Figures {
  labels: number;
  found: number;
  missed: string[];
  everyday: number;
  everydayFlagged: string[];
  unlabelledFlags: string[];
}

function measure(sentences: readonly Sentence[]): Figures {
  const figures: Figures = { labels: 0, found: 0, missed: [], everyday: 0, everydayFlagged: [], unlabelledFlags: [] };
  for (const sentence of sentences) {
    const flags = flagsOn(sentence.text);
    const shown = (span: Span) => `${sentence.id}: "${sentence.text.slice(span.start, span.end)}"`;
    if (sentence.set === 'everyday') {
      figures.everyday++;
      if (flags.length > 0) figures.everydayFlagged.push(shown(flags[0]));
      continue;
    }
    for (const label of sentence.jargon) {
      figures.labels++;
      const hit = occurrences(sentence.text, label).some((span) => flags.some((flag) => overlaps(flag, span)));
      if (hit) figures.found++;
      else figures.missed.push(`${sentence.id}: "${label}"`);
    }
    const labelled = [...sentence.jargon, ...(sentence.borderline ?? [])].flatMap((phrase) => occurrences(sentence.text, phrase));
    for (const flag of flags) if (!labelled.some((span) => overlaps(flag, span))) figures.unlabelledFlags.push(shown(flag));
  }
  return figures;
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;

function summary(name: string, f: Figures): string {
  return (
    `${name}: recall ${percent(f.found, f.labels)} (${f.found}/${f.labels} labelled spans), ` +
    `everyday flagged ${percent(f.everydayFlagged.length, f.everyday)} (${f.everydayFlagged.length}/${f.everyday} sentences), ` +
    `flags on unlabelled research words: ${f.unlabelledFlags.length}`
  );
}

describe('jargon rule on the labelled corpus of real sentences', function () {
  this.timeout(60_000);
  const corpus = readCorpus();
  const parts = {
    all: measure(corpus),
    tune: measure(corpus.filter((s) => s.part === 'tune')),
    holdout: measure(corpus.filter((s) => s.part === 'holdout')),
  };

  before(() => {
    for (const [name, figures] of Object.entries(parts)) console.log(`      ${summary(name, figures)}`);
  });

  it('is big enough and its labels are real phrases of their sentences', () => {
    const research = corpus.filter((s) => s.set === 'research');
    const everyday = corpus.filter((s) => s.set === 'everyday');
    assert.ok(research.length >= 150, `only ${research.length} research sentences`);
    assert.ok(everyday.length >= 60, `only ${everyday.length} everyday sentences`);
    assert.equal(new Set(corpus.map((s) => s.id)).size, corpus.length, 'duplicate ids');
    for (const sentence of corpus) {
      assert.match(sentence.source, /^https?:\/\//, `${sentence.id}: no source`);
      for (const phrase of [...sentence.jargon, ...(sentence.borderline ?? [])]) {
        assert.ok(sentence.text.includes(phrase), `${sentence.id}: "${phrase}" is not in the sentence`);
      }
      if (sentence.set === 'everyday') assert.deepEqual(sentence.jargon, [], `${sentence.id}: an everyday sentence with jargon`);
    }
  });

  it(`finds at least ${100 * MIN_RECALL}% of the labelled research jargon`, () => {
    const { found, labels, missed } = parts.all;
    assert.ok(found / labels >= MIN_RECALL, `recall ${percent(found, labels)}; missed:\n${missed.join('\n')}`);
  });

  it(`flags at most ${100 * MAX_EVERYDAY_FLAGGED}% of the everyday operations sentences`, () => {
    const { everydayFlagged, everyday } = parts.all;
    assert.ok(everydayFlagged.length / everyday <= MAX_EVERYDAY_FLAGGED, `${percent(everydayFlagged.length, everyday)} flagged:\n${everydayFlagged.join('\n')}`);
  });

  it('reports the held-out part on its own (pages never used for tuning), flagging no everyday sentence there', () => {
    // Recall on this part is printed above, not asserted: it was measured once, after tuning on
    // the other part, and the list was not tuned on its misses (see the corpus's SOURCES.md).
    const { everydayFlagged } = parts.holdout;
    assert.ok(parts.holdout.labels > 100 && parts.holdout.everyday >= 30);
    assert.deepEqual(everydayFlagged, []);
  });
});

describe('jargon documentation', () => {
  it('the README states the size of the built-in list by category, as docs/rules.md does', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8').replace(/\s+/g, ' ');
    const sizes = termListDetails().split('\n\n')[0];
    assert.ok(readme.includes(sizes), `README lacks: ${sizes}`);
  });
});
