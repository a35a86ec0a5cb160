// What every value table says: how values of one kind are written, and what a
// person most likely meant by something else they typed there.

/** The kinds of values the charter format has a table for. */
export type ValueKind =
  | 'frequency'
  | 'weekday'
  | 'time'
  | 'duration'
  | 'date'
  | 'side'
  | 'milestone-status'
  | 'barrier-status'
  | 'partner'
  | 'version';

/** One thing the person may have meant. */
export interface Reading {
  /** The value to write: text (written the way the table says) or a whole number. */
  value: string | number;
  /** Plain words for the reading, shown in the fix title ("1 in the afternoon"). */
  meaning?: string;
  /** Another key of the same map the reading also sets (`every: every Tuesday` is `every: week` and `day: tuesday`). */
  also?: { key: string; value: string };
}

/** What a typed value most likely means. */
export interface Interpretation {
  /** Every reading, in the order they are offered; empty when nothing fits. */
  readings: Reading[];
  /**
   * One sentence that explains the readings or why there are none ("needs a day", "can
   * mean every two weeks or twice a week"). Shown after the value in the message.
   */
  note?: string;
  /**
   * A person has to decide even though only one reading is offered (an approximation, a
   * close spelling, a reading that drops something the text said). Such fixes are never safe.
   */
  decide?: boolean;
}

/** Facts about the partners, for tables that read partner references. */
export interface PartnerFacts {
  id: string;
  name?: string;
  lead?: string;
}

export interface ValueContext {
  partners: readonly PartnerFacts[];
}

export const NO_CONTEXT: ValueContext = { partners: [] };

/** How a reading is written into the charter. */
export type WriteStyle =
  /** A bare whole number (`minutes: 30`): quotes would make it text. */
  | 'integer'
  /** Always in quotes (`time: "08:30"`): the format asks for it, and older YAML reads 08:30 as a number. */
  | 'quoted'
  /** The way the user wrote it (plain, "double" or 'single' quotes), quoted when YAML would misread it. */
  | 'text';

export interface ValueTable {
  kind: ValueKind;
  /** Heading in docs/rules.md: "Frequencies (`every`)". */
  title: string;
  /** What is accepted, in Markdown, one sentence. */
  accepted: string;
  /** A charter line with an accepted value: `every: 2 weeks`. */
  example: string;
  /**
   * Typed values shown in the docs as "also understood". Each is run through `interpret`
   * when the docs are made, so the docs say what the code does.
   */
  samples: readonly string[];
  write: WriteStyle;
  /** What `typed` (already known not to be accepted) most likely means. */
  interpret(typed: string, context: ValueContext): Interpretation;
}

/** No reading, with a reason. */
export function noReading(note?: string): Interpretation {
  return note ? { readings: [], note } : { readings: [] };
}

/** One or more readings of plain values. */
export function readingsOf(values: readonly (string | number)[], note?: string, decide?: boolean): Interpretation {
  const result: Interpretation = { readings: values.map((value) => ({ value })) };
  if (note) result.note = note;
  if (decide) result.decide = true;
  return result;
}

/** A fix for this interpretation may be applied without asking: exactly one reading, nothing to decide. */
export function isCertain(interpretation: Interpretation): boolean {
  return interpretation.readings.length === 1 && !interpretation.decide;
}
