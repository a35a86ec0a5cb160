// `cadence.timezone` must be a zone the runtime knows: JSON Schema cannot list the zones, so
// this check runs as part of the `schema` rule (see rules/index.ts).
import { replaceEdit } from '../edits';
import { isScalar } from '../tree';
import { checkTimeZone } from '../time-zones';
import { Fix } from '../types';
import { RuleContext } from './rule';

const EXAMPLES = '`America/New_York` (Eastern), `America/Chicago` (Central), `America/Denver` (Mountain), `America/Phoenix` (Arizona) or `America/Los_Angeles` (Pacific)';

export function checkCadenceTimeZone({ model, report }: RuleContext): void {
  if (model.parsed.problems.some((p) => p.rule === 'yaml-syntax')) return;
  const info = model.cadence?.get('timezone');
  const node = info?.value;
  // Other types and empty values are the JSON Schema's findings.
  if (!info || !isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return;
  const typed = node.value;
  const result = checkTimeZone(typed);
  if (result.ok) return;
  const span = info.valueSpan;
  const fixes: Fix[] = result.fixes.map((zone) => ({
    title: `Change to \`${zone}\``,
    edits: [replaceEdit(span.start, span.end, zone)],
    safe: result.safe && result.fixes.length === 1,
  }));
  const named = result.fixes.map((z) => `\`${z}\``).join(' or ');
  let message: string;
  if (result.reason === 'case') message = `Write the time zone as \`${result.fixes[0]}\`.`;
  else if (result.reason === 'word')
    message = `\`${typed}\` is not a time zone name that calendars share. Write ${named}${result.fixes.length > 1 ? ' (with or without daylight saving)' : ''}.`;
  else if (result.fixes.length > 0) message = `\`${typed}\` is not a time zone name. Did you mean ${named}?`;
  else message = `\`${typed}\` is not a time zone name. Write an IANA name (Area/City), such as ${EXAMPLES}.`;
  report({ span, message, fixes, data: { timezone: typed, suggestions: result.fixes } });
}
