// Charters of a given size for the summary tests: realistic wording and lengths, a mix of
// statuses around TODAY (2026-11-26) so every part of the leader's brief has something to show.

export interface CharterSize {
  name: string;
  partners: number;
  milestones: number;
  barriers: number;
  actions: number;
  goals: number;
}

/** The sizes the one-page brief is built for (issue 15), and a larger one that must degrade gracefully. */
export const SIZES: readonly CharterSize[] = [
  { name: 'small', partners: 2, milestones: 3, barriers: 1, actions: 2, goals: 1 },
  { name: 'ordinary', partners: 4, milestones: 8, barriers: 5, actions: 6, goals: 3 },
  { name: 'largest ordinary', partners: 6, milestones: 12, barriers: 8, actions: 10, goals: 3 },
  { name: 'large', partners: 14, milestones: 40, barriers: 25, actions: 30, goals: 9 },
];

const ORGS = [
  'Office of Mental Health Operations',
  'Mental Health Quality Enhancement Research Center',
  'Great Lakes Network Mental Health Office',
  'Primary Care Service Line of the Northern Medical Center',
  'Emergency Department Chiefs Council',
  'Center for Health Equity Research and Promotion',
  'Pharmacy Benefits Management Office',
  'Office of Nursing Services',
];

const LEADS = ['Dana Ruiz', 'Sam Okafor', 'Priya Natarajan', 'Marcus Bell', 'Hannah Cho', 'Olu Adeyemi', 'Rosa Delgado', 'Terrence Walsh'];

const MILESTONE_TITLES = [
  'Start at three clinics in the northern part of the network',
  'Share a how-to guide and short training videos with every clinic',
  'Every clinic in the network asks for scores at visits',
  'Add score use to the monthly clinic report',
  'Offer the approach to every network',
  'Train front desk staff at the two largest medical centers to hand out tablets',
  'Agree with the national office which numbers go into the quarterly report to leadership',
  'Hire two peer support specialists',
  'First month of same-day introductions',
  'Decide whether to keep the role after the first year',
  'Remaining four sites start',
  'Publish the first quarterly progress report',
];

const BARRIER_TEXTS = [
  'National reporting deadlines at the end of each quarter take the operations team away for two weeks',
  'Two clinic manager posts are empty in the network',
  'Some waiting rooms have no tablets for the questionnaire',
  'Night shift nurses rotate often, so trained staff leave the department',
  'The scheduling system cannot show peer visits separately yet',
  'Clinic leads are unsure who approves changes to visit templates',
];

const ACTION_TEXTS = [
  'Send the draft how-to guide to the clinic leads for comments',
  'Ask the national office for the list of clinics with empty manager posts',
  'Book a room for the quarterly briefing',
  'Check with pharmacy whether the tablets can be bought from this year’s budget',
  'Write up what the two pilot clinics learned in their first month',
];

const STATUSES = ['done', 'on-track', 'at-risk', 'blocked', 'planned', 'on-track', 'done', 'planned'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length];
}

function date(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date `offset` months from November 2026 (day 15). */
function monthsFromNow(offset: number, day = 15): string {
  const index = 2026 * 12 + 10 + offset;
  return date(Math.floor(index / 12), (index % 12) + 1, day);
}

function q(text: string): string {
  return JSON.stringify(text);
}

export function generatedCharter(size: CharterSize): string {
  const ids = Array.from({ length: size.partners }, (_, i) => `p${i + 1}`);
  const lines: string[] = [
    'charter: 1',
    `title: ${q('Measurement-based care in outpatient mental health clinics')}`,
    'summary: >',
    '  Help outpatient mental health teams ask veterans to fill in a short symptom questionnaire at',
    '  every visit, and use the scores to talk about progress and change the care plan when things',
    '  are not getting better.',
    'owner: p1',
    'partners:',
  ];
  ids.forEach((id, i) => {
    const name = i < ORGS.length ? ORGS[i] : `${pick(ORGS, i)} (team ${i + 1})`;
    lines.push(
      `  - id: ${id}`,
      `    name: ${q(name)}`,
      `    side: ${i % 2 === 0 ? 'clinical' : 'research'}`,
      `    lead: ${q(pick(LEADS, i))}`,
      `    contact: ${q(`${pick(LEADS, i).toLowerCase().replace(' ', '.')}@example.org`)}`,
      `    brings: [${q('National dashboards built from visit records')}, ${q('Working relationships with facility leads')}]`,
      `    limits: [${q('The last two weeks of each quarter go to national reporting')}]`,
    );
    if (i % 3 !== 2) lines.push(`    commitment: ${q(`Endorsed by the ${i % 2 === 0 ? 'Deputy Chief of Operations' : 'center director, with 10 percent of two staff members’ time'} on 2026-0${(i % 8) + 1}-12`)}`);
  });
  lines.push('goals:');
  for (let i = 0; i < size.goals; i++) {
    lines.push(
      `  - id: g${i + 1}`,
      `    text: ${q(i % 2 === 0 ? 'Half of outpatient teams record a symptom score at every visit by June 2027' : 'Clinicians go over scores with veterans and change the care plan when scores stay high')}`,
      `    measure: ${q('Share of visits with a recorded score, from the national monthly dashboard')}`,
    );
  }
  lines.push(
    'cadence:',
    `  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [${ids.slice(0, 4).join(', ')}]}`,
    `  briefing: {every: quarter, day: thursday, time: "13:00", minutes: 60, attendees: [${ids.join(', ')}], format: ${q('Five minutes per partner on top priorities, then planning')}}`,
    'timeline:',
    '  start: 2026-01-15',
    '  milestones:',
  );
  for (let i = 0; i < size.milestones; i++) {
    const status = pick(STATUSES, i);
    // Spread due dates from ten months ago to a year ahead; some of the open ones are overdue.
    const due = monthsFromNow(-10 + Math.floor((i * 22) / Math.max(1, size.milestones - 1)), 1 + ((i * 7) % 27));
    const was = i % 5 === 3 ? `, was: [${monthsFromNow(-12, 10)}${i % 10 === 3 ? `, ${monthsFromNow(-11, 20)}` : ''}]` : '';
    lines.push(`    - {id: m${i + 1}, title: ${q(pick(MILESTONE_TITLES, i))}, due: ${due}, owner: ${pick(ids, i)}, status: ${status}${was}}`);
  }
  lines.push('barriers:');
  for (let i = 0; i < size.barriers; i++) {
    const status = ['open', 'watching', 'open', 'resolved'][i % 4];
    lines.push(`  - {id: b${i + 1}, text: ${q(pick(BARRIER_TEXTS, i))}, owner: ${pick(ids, i)}, status: ${status}, raised: ${monthsFromNow(-(i % 7), 3)}}`);
  }
  lines.push('actions:');
  for (let i = 0; i < size.actions; i++) {
    const status = i >= 10 && i % 2 === 1 ? 'done' : 'open';
    lines.push(`  - {id: a${i + 1}, text: ${q(pick(ACTION_TEXTS, i))}, owner: ${pick(ids, i)}, due: ${monthsFromNow(i % 3 === 0 ? -1 : 1, 1 + (i % 27))}, raised: 2026-11-17, status: ${status}}`);
  }
  lines.push('review:', '  every: quarter', '  last: 2026-10-01', '');
  return lines.join('\n');
}
