// Suppression comments from the spec:
//   # charter-disable-next-line RULE[, RULE...]   the next line only
//   # charter-disable RULE[, RULE...]             the whole file
// With no rule listed, every rule is suppressed in that scope.

const DIRECTIVE = /(?:^|\s)#\s*charter-disable(-next-line)?(?=\s|$)([^\n]*)/;

export interface Suppressions {
  /** Rules off for the whole file; `all` when a bare directive was given. */
  file: Set<string> | 'all';
  /** Line (0-based) -> rules off on that line, or 'all'. */
  lines: Map<number, Set<string> | 'all'>;
}

function ruleList(rest: string): Set<string> | 'all' {
  // A trailing "-- reason" or second comment is allowed after the rule list.
  const list = rest.split(/\s--\s|\s#/)[0];
  const ids = list.split(/[\s,]+/).filter((id) => id !== '');
  return ids.length === 0 ? 'all' : new Set(ids);
}

function merge(a: Set<string> | 'all' | undefined, b: Set<string> | 'all'): Set<string> | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  return a ? new Set([...a, ...b]) : b;
}

export function findSuppressions(text: string): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  if (!text.includes('charter-disable')) return result;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const rules = ruleList(match[2].replace(/\r$/, ''));
    if (match[1]) result.lines.set(index + 1, merge(result.lines.get(index + 1), rules));
    else result.file = merge(result.file, rules);
  });
  return result;
}

export function isSuppressed(suppressions: Suppressions, rule: string, line: number): boolean {
  const inScope = (scope: Set<string> | 'all' | undefined) => scope === 'all' || (scope?.has(rule) ?? false);
  return inScope(suppressions.file) || inScope(suppressions.lines.get(line));
}
