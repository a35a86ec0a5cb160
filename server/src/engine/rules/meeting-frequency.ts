// Shared by the two "meets less often than" rules.
import { parseFrequency } from '../dates';
import { MapView } from '../model';
import { Span } from '../types';

export interface TooRare {
  span: Span;
  every: string;
  days: number;
}

/** The meeting's `every` when it is valid and longer than `maxDays`. */
export function tooRare(meeting: MapView | undefined, maxDays: number): TooRare | undefined {
  const every = meeting?.string('every');
  const frequency = parseFrequency(every);
  const info = meeting?.get('every');
  if (!every || !frequency || !info || frequency.days <= maxDays) return undefined;
  return { span: info.valueSpan, every, days: frequency.days };
}
