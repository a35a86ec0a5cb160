// The summary the preview renders: the engine's CharterSummary, asked from the language
// server with `charter/summary`. The client never lints; it only checks what it receives.
import type { CharterSummary } from '../../../server/src/engine/summary-types';
import { REQUESTS } from '../../../server/src/protocol';

export type { CharterSummary };

export const SUMMARY_REQUEST = REQUESTS.summary;

/** The shape of CharterSummary, checked loosely (it comes over the wire). */
export function isCharterSummary(value: unknown): value is CharterSummary {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const health = v.health as Record<string, unknown> | null;
  return typeof v.title === 'string' && typeof health === 'object' && health !== null && Array.isArray(health.problems) && Array.isArray(v.partners);
}

/** The summary from a `charter/summary` answer, or undefined when it is not one. */
export function toCharterSummary(response: unknown): CharterSummary | undefined {
  return isCharterSummary(response) ? response : undefined;
}
