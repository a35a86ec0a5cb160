// The value tables: one per kind of value in the charter format, each knowing what is
// accepted and what people most likely meant by what they typed instead. Rules, hovers
// and the docs all read these; nothing else keeps its own list of words.
import { schemaAt } from '../schema-info';
import { dates } from './dates';
import { durations } from './durations';
import { frequencies } from './frequencies';
import { partnerReferences } from './partners';
import { sides } from './sides';
import { barrierStatuses, milestoneStatuses } from './statuses';
import { times } from './times';
import { ValueKind, ValueTable } from './types';
import { versions } from './version';
import { weekdays } from './weekdays';

export const VALUE_TABLES: readonly ValueTable[] = [frequencies, weekdays, times, durations, dates, sides, milestoneStatuses, barrierStatuses, partnerReferences, versions];

const BY_KIND = new Map<ValueKind, ValueTable>(VALUE_TABLES.map((table) => [table.kind, table]));

export function valueTable(kind: ValueKind): ValueTable {
  return BY_KIND.get(kind)!;
}

export * from './types';
export { interpretPartner } from './partners';

/** Values found by where they are (`*` is any one key or list index). */
const KINDS_BY_PATH: readonly (readonly [string, ValueKind])[] = [
  ['charter', 'version'],
  ['partners.*.side', 'side'],
  ['cadence.*.day', 'weekday'],
  ['cadence.*.time', 'time'],
  ['cadence.*.minutes', 'duration'],
  ['timeline.milestones.*.status', 'milestone-status'],
  ['barriers.*.status', 'barrier-status'],
];

/** Values found by their schema definition, wherever they are. */
const KINDS_BY_SCHEMA_TITLE: Readonly<Record<string, ValueKind>> = { Frequency: 'frequency', Date: 'date', 'Partner id': 'partner' };

function matchesPath(pattern: string, path: readonly (string | number)[]): boolean {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((part, i) => part === '*' || part === String(path[i]));
}

/** The kind of value at a path of keys and list indexes (`['cadence', 'huddle', 'every']`), if a table covers it. */
export function valueKindAt(path: readonly (string | number)[]): ValueKind | undefined {
  const byPath = KINDS_BY_PATH.find(([pattern]) => matchesPath(pattern, path));
  if (byPath) return byPath[1];
  const title = schemaAt(path)?.title;
  return title ? KINDS_BY_SCHEMA_TITLE[title] : undefined;
}
