// What the preview page may ask the extension, checked before anything is done: the page
// shows charter text, so the host treats every message from it as untrusted input. Free of
// the vscode module, so the unit tests check it directly.
import { RULES_DOC_URL } from '../../../server/src/engine/names';

/** The actions the host can offer the page (media/preview.js draws a button for each). */
export type PageAction = 'export' | 'print' | 'openRuleDocs';

export type PageMessage =
  | { type: 'ready' }
  | { type: 'export' }
  | { type: 'print' }
  | { type: 'openRuleDocs'; rule: string }
  | { type: 'reveal'; line: number; character: number };

/** A rule id as the engine writes them (`huddle-long`); media/preview.js checks the same. */
export const RULE_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** Far beyond any charter (the server refuses files over 64 MB), so a real line always passes. */
export const MAX_POSITION = 10_000_000;

function isPosition(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_POSITION;
}

/** True when `value` is a plain object with exactly these keys. */
function hasKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return Object.getPrototypeOf(value) === Object.prototype && own.length === keys.length && keys.every((key) => own.includes(key));
}

/**
 * The message, when it is one the page may send and the host offers: a plain object of one of
 * the known shapes, with a rule id that looks like one and whole, non-negative positions.
 * Anything else (unknown types, extra keys, an action not offered) is undefined: ignored.
 */
export function parsePageMessage(value: unknown, offered: ReadonlySet<PageAction>): PageMessage | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return hasKeys(message, ['type']) ? { type: 'ready' } : undefined;
    case 'export':
    case 'print':
      return hasKeys(message, ['type']) && offered.has(message.type) ? { type: message.type } : undefined;
    case 'openRuleDocs':
      if (!hasKeys(message, ['type', 'rule']) || !offered.has('openRuleDocs')) return undefined;
      return typeof message.rule === 'string' && RULE_ID.test(message.rule) ? { type: 'openRuleDocs', rule: message.rule } : undefined;
    case 'reveal':
      if (!hasKeys(message, ['type', 'line', 'character'])) return undefined;
      return isPosition(message.line) && isPosition(message.character) ? { type: 'reveal', line: message.line, character: message.character } : undefined;
    default:
      return undefined;
  }
}


/** The address of a rule's section; only ever from a checked rule id. */
export function ruleDocsAddress(rule: string): string {
  if (!RULE_ID.test(rule)) throw new Error(`not a rule id: ${rule}`);
  return `${RULES_DOC_URL}#${rule}`;
}
