// The "accepted forms" part of docs/rules.md, made from the value tables themselves: each
// table's samples are read by the table, so the docs say what the checks really do.
import { writeReading } from './describe';
import { VALUE_TABLES } from './index';
import { EXAMPLE_PARTNERS } from './partners';
import { isCertain, ValueTable } from './types';
import { KEY_SAMPLES, keyMeant } from './keys';
import { schemaAt } from '../schema-info';

function sampleRow(table: ValueTable, typed: string): string {
  const interpretation = table.interpret(typed, { partners: EXAMPLE_PARTNERS });
  const written = interpretation.readings.map((r) => `\`${writeReading(r.value, table.write, '')}\`${r.also ? ` with \`${r.also.key}: ${r.also.value}\`` : ''}`);
  const readAs = written.length > 0 ? written.join(' or ') : 'no fix';
  const applied = isCertain(interpretation) ? 'yes' : written.length > 0 ? 'no, quick fix only' : 'no';
  const note = interpretation.note ? `: it ${interpretation.note}` : '';
  return `| \`${typed}\` | ${readAs} | ${applied}${applied === 'yes' ? '' : note} |`;
}

function tableSection(table: ValueTable): string[] {
  return [
    `### ${table.title}`,
    '',
    `Accepted: ${table.accepted} Example: \`${table.example}\`.`,
    '',
    '| typed | read as | applied by `--fix` and Fix All |',
    '|---|---|---|',
    ...table.samples.map((typed) => sampleRow(table, typed)),
    '',
  ];
}

function keysSection(): string[] {
  const rows = KEY_SAMPLES.map(([typed, key]) => {
    // Each sample is read among the keys of a map where its key belongs.
    const known = Object.keys(schemaAt(mapHolding(key))?.properties ?? {});
    const meant = keyMeant(typed, known);
    const applied = meant?.how === 'case' ? 'yes (and it counts as `' + meant.key + '` for every other check)' : 'no, quick fix only (the word may mean something else)';
    return `| \`${typed}:\` | \`${meant?.key ?? '?'}:\` | ${applied} |`;
  });
  return [
    '### Keys',
    '',
    'Accepted: the keys of the format, in lowercase. A key in another case is read as that key; other common words for a key get a rename quick fix.',
    '',
    '| typed | read as | applied by `--fix` and Fix All |',
    '|---|---|---|',
    ...rows,
    '',
  ];
}

/** The schema path of a map that has `key`, for the key samples. */
function mapHolding(key: string): (string | number)[] {
  const paths: (string | number)[][] = [[], ['timeline', 'milestones', 0], ['cadence', 'huddle'], ['partners', 0], ['barriers', 0], ['goals', 0], ['timeline'], ['review'], ['cadence']];
  return paths.find((path) => Object.hasOwn(schemaAt(path)?.properties ?? {}, key)) ?? [];
}

/** The "Accepted forms" section of docs/rules.md. */
export function renderAcceptedForms(): string[] {
  return [
    '## Accepted forms',
    '',
    'Every kind of value has one way of writing it. A value written another way gets a finding that names the value',
    'meant, with a quick fix for each reading. `charter lint --fix` and Fix All apply a fix only when there is exactly',
    'one reading and nobody has to decide anything; where there are two (`1:00`, `03/05/2026`), each is offered as',
    'its own quick fix. Hovering over a rejected value shows its accepted form with an example.',
    '',
    ...VALUE_TABLES.flatMap(tableSection),
    'Several partners written as one attendee (`attendees: ops, queri`, `all`, `both`, `Dana and Sam`) become a list of',
    'their ids, and one id written alone (`attendees: ops`) becomes `[ops]`; both are applied by `--fix` when every',
    'name fits exactly one partner.',
    '',
    ...keysSection(),
    'A charter without `charter: 1` gets a fix that adds it at the top (below a comment block that heads the file).',
    '',
  ];
}
