// The engine alone against the floor: a bare `yaml.parseDocument` of the same text,
// in the same process, warm, interleaved so that load from other processes hits both.
import { parseDocument } from 'yaml';
import { lintText } from '../server/src/engine/lint';
import { DateOnly } from '../server/src/engine/types';
import { performance } from 'node:perf_hooks';
import { median, timeMs } from './stats';

export interface EngineResult {
  lines: number;
  variant: 'clean' | 'defects';
  rounds: number;
  findings: number;
  bareParseMs: number;
  engineMs: number;
  /** engine / bare parse, both medians. */
  ratio: number;
  /** The engine refused the text (more keys and list items than MAX_ENTRIES): it measured the refusal. */
  refused: boolean;
}

/** Enough rounds for a stable median without spending minutes on the big files. */
export function roundsFor(lines: number): number {
  if (lines <= 200) return 100;
  if (lines <= 2_000) return 20;
  if (lines <= 20_000) return 5;
  return 2;
}

export function benchEngine(text: string, lines: number, variant: EngineResult['variant'], today: DateOnly, rounds = roundsFor(lines)): EngineResult {
  // Warm up both paths (JIT, the jargon matcher, the schema validator): at least a few
  // rounds, and on small texts for half a second, so the optimizing compiler has run.
  const warmUntil = performance.now() + 500;
  let findings = 0;
  let refused = false;
  const minimum = text.length > 2_000_000 ? 1 : 2;
  for (let i = 0; i < minimum || (i < 400 && performance.now() < warmUntil); i++) {
    parseDocument(text);
    const found = lintText(text, { today });
    findings = found.length;
    refused = found.some((f) => f.rule === 'yaml-syntax' && /not read further/.test(f.message));
  }
  const bare: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first so neither always runs right after a collection.
    if (i % 2 === 0) {
      bare.push(timeMs(() => parseDocument(text)));
      engine.push(timeMs(() => lintText(text, { today })));
    } else {
      engine.push(timeMs(() => lintText(text, { today })));
      bare.push(timeMs(() => parseDocument(text)));
    }
  }
  const bareParseMs = median(bare);
  const engineMs = median(engine);
  return { lines, variant, rounds, findings, bareParseMs, engineMs, ratio: engineMs / bareParseMs, refused };
}
