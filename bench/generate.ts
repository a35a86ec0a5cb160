// Generates realistic charters of a given size for benchmarks and stress tests:
// partners, goals, milestones, barriers, prose with some research jargon, and
// (in the defective variant) typos, missing owners and overdue dates.

export interface GenerateOptions {
  /** Approximate number of lines wanted. */
  lines: number;
  /** Add the kinds of mistakes real charters have. */
  defects?: boolean;
  /** Seed for the deterministic pseudo-random choices. */
  seed?: number;
  /**
   * Also add mistakes a JSON Schema catches (misspelled keys, enum values that are
   * not allowed, impossible dates), so schema-only tools have something to report.
   */
  schemaDefects?: boolean;
}

const ORGS = ['Office of Mental Health Operations', 'Great Lakes Network Office', 'Mental Health QUERI Center', 'Pacific Network Office', 'Center for Care Innovation', 'Rural Health Resource Center'];
const PEOPLE = ['Dana Ruiz', 'Sam Okafor', 'Priya Natarajan', 'Lee Chen', 'Maria Gomez', 'Tom Berg'];
const PROSE = [
  'Help outpatient teams use symptom scores in routine visits',
  'Share what other clinics learned when they started the same practice',
  'Check that the program is delivered with fidelity at each clinic',
  'Plan a stepped-wedge rollout across the network',
  'Agree on a short monthly report that upper management can read',
  'Utilize the national dashboard to see which clinics need help',
  'Train clinic staff during protected time on Tuesday mornings',
  'Find out why some clinics stopped using the questionnaire',
];
const STATUSES = ['planned', 'on-track', 'at-risk', 'blocked', 'done'];

/** A small seeded pseudo-random generator (xorshift32), for reproducible charters and tests. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function generateCharter(options: GenerateOptions): string {
  const rand = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const date = (yearFrom: number) => `${yearFrom + Math.floor(rand() * 2)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  const out: string[] = [
    '# Generated charter for benchmarks',
    'charter: 1',
    'title: Measurement-based care across the network',
    'summary: >',
    '  Help outpatient mental health teams ask for a short symptom questionnaire at every visit',
    '  and use the scores to adjust care when patients are not getting better.',
  ];
  if (!options.defects) out.push('owner: p0');
  // Partners take about a tenth of the lines, milestones and barriers the rest.
  const partnerCount = Math.max(2, Math.round(options.lines / 120));
  out.push('partners:');
  const schemaDefect = (index: number) => options.schemaDefects === true && index % 25 === 7;
  for (let i = 0; i < partnerCount; i++) {
    out.push(
      `  - id: p${i}`,
      `    name: ${pick(ORGS)} ${i}`,
      `    ${schemaDefect(i + 4) ? 'sied' : 'side'}: ${i % 2 === 0 ? 'clinical' : 'research'}`,
      `    lead: ${pick(PEOPLE)}`,
      `    contact: person${i}@example.org`,
      '    brings:',
      `      - ${pick(PROSE)}`,
      `      - ${pick(PROSE)}`,
      `    limits: [${pick(PROSE)}]`,
      `    commitment: Approved by the director on ${date(2026)}`,
    );
  }
  out.push('goals:');
  for (let i = 0; i < Math.max(1, Math.round(options.lines / 200)); i++) {
    out.push(`  - id: g${i}`, `    text: ${pick(PROSE)}`, `    measure: Share of visits with a recorded score, clinic ${i}`);
  }
  out.push(
    'cadence:',
    `  huddle: {every: ${options.defects ? '2 weeks' : 'week'}, day: tuesday, time: "08:30", minutes: ${options.defects ? 45 : 15}, attendees: [p0, p1${options.defects ? ', p9999' : ''}]}`,
    '  briefing: {every: quarter, minutes: 60, attendees: [p0, p1]}',
    'timeline:',
    '  start: 2026-01-15',
    '  milestones:',
  );
  let index = 0;
  const barrierStart = () => out.length >= options.lines * 0.8;
  while (!barrierStart()) {
    const owner = options.defects && index % 17 === 3 ? 'p-unknown' : `p${index % partnerCount}`;
    const due = schemaDefect(index) ? '2026-02-30' : date(2026);
    const status = schemaDefect(index + 10) ? 'on-trak' : pick(STATUSES);
    out.push(`    - {id: m${index}, title: "${pick(PROSE)}", due: ${due}, owner: ${owner}, status: ${status}}`);
    index++;
  }
  out.push('barriers:');
  index = 0;
  while (out.length < options.lines - 3) {
    const status = schemaDefect(index) ? 'opened' : 'open';
    out.push(`  - {id: b${index}, text: "${pick(PROSE)}", owner: p${index % partnerCount}, status: ${status}, raised: ${date(2026)}}`);
    index++;
  }
  out.push('review:', '  every: quarter', `  last: ${options.defects ? '2026-01-01' : '2026-10-01'}`);
  return `${out.join('\n')}\n`;
}
