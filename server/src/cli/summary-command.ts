// `charter summary FILE [--html OUT] [--force] [--today YYYY-MM-DD]`
// Summarizes a charter: plain text on stdout, or a standalone HTML page (the same renderer
// as the editor's preview) for people without VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintParsed } from '../engine/lint';
import { parseCharter } from '../engine/parse';
import { buildSummary, CharterSummary } from '../engine/summary';
import { DateOnly } from '../engine/types';
import { writeFileAtomic } from './agenda-command';
import { dateOption, oneCharterFile, parseCommandArgs } from './args';
import { describeIOError, displayPath as relativePath } from './files';
import { buildSummaryPage } from '../node/summary-page';
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { loadCharter } from './load-charter';

export const SUMMARY_USAGE = `Usage: charter summary FILE [options]

Summarizes the charter for leaders and partners: owner and commitments,
status, meetings, milestones, decisions needed, barriers, actions and goals,
then the author's checks. Prints plain text, or writes a web page that prints
on one page and that anyone can open in a browser.

Options:
  --html FILE              Write the summary as a standalone HTML page to FILE.
  --force                  Let --html replace an existing file.
  --today YYYY-MM-DD       The date to count from (default: "today" from the
                           config file, else the local date).
  -h, --help               Show this help.
`;

interface SummaryArgs {
  file: string;
  html?: string;
  force: boolean;
  today?: DateOnly;
}

function parseSummaryArgs(args: string[]): SummaryArgs | 'help' | string {
  const parsed = parseCommandArgs(args, { html: { type: 'string' }, force: { type: 'boolean' }, today: { type: 'string' } });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const file = oneCharterFile(positionals, 'summary');
  if (typeof file === 'string') return file;
  const today = dateOption('today', values.today);
  if (typeof today === 'string') return today;
  if (values.html !== undefined && values.html.trim() === '') return '--html needs a file name';
  if (values.force && values.html === undefined) return '--force only applies with --html FILE';
  return { file: file.file, html: values.html, force: values.force ?? false, today };
}

export async function runSummaryCommand(args: string[], io: CliIO): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`charter summary: ${message}\n`);
    return EXIT_USAGE;
  };
  const parsed = parseSummaryArgs(args);
  if (parsed === 'help') {
    io.stdout(SUMMARY_USAGE);
    return EXIT_OK;
  }
  if (typeof parsed === 'string') {
    io.stderr(`charter summary: ${parsed}\nRun "charter summary --help" for usage.\n`);
    return EXIT_USAGE;
  }

  const file = path.resolve(io.cwd, parsed.file);
  const shown = displayPath(file, io.cwd);
  const loaded = loadCharter(file, io, { today: parsed.today });
  if ('error' in loaded) return fail(`cannot read ${shown}: ${describeIOError(loaded.error)}`);
  if (loaded.configFindings.length > 0 && loaded.configPath) {
    io.stderr(`charter summary: ${displayPath(loaded.configPath, io.cwd)} has problems; run "charter lint" to see them (the valid settings still apply)\n`);
  }
  const { today } = loaded;
  const charter = parseCharter(loaded.text);
  const findings = lintParsed(charter, { config: loaded.config, today });
  const summary = buildSummary(charter.value, findings, today);

  if (parsed.html === undefined) {
    io.stdout(formatSummaryText(summary));
    return EXIT_OK;
  }

  const out = path.resolve(io.cwd, parsed.html);
  const outShown = displayPath(out, io.cwd);
  if (out === file) return fail(`--html ${outShown} is the charter itself; choose another file for the page`);
  const page = buildSummaryPage(summary);
  if ('error' in page) return fail(page.error);
  const { html } = page;
  if (!parsed.force && fs.existsSync(out)) {
    return fail(`${outShown} already exists; add --force to replace it, or choose another --html file`);
  }
  try {
    writeFileAtomic(out, html, parsed.force);
  } catch (error) {
    // writeFileAtomic throws a code-less error when the file appeared in the meantime.
    if (!parsed.force && (error as NodeJS.ErrnoException).code === undefined && fs.existsSync(out)) {
      return fail(`${outShown} already exists; add --force to replace it, or choose another --html file`);
    }
    return fail(`cannot write ${outShown}: ${describeIOError(error)}`);
  }
  io.stdout(`Wrote the summary of ${shown} to ${outShown}\n`);
  return EXIT_OK;
}

// ---- Plain text ---------------------------------------------------------------
// Lays out the summary's own labels (see engine/labels.ts); it words nothing itself.

/** One line per fact, the leader's brief first and the author's checks last; control characters in charter text are shown as spaces. */
export function formatSummaryText(summary: CharterSummary): string {
  const clean = (value: string): string => value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  const facts = (...parts: (string | undefined | false)[]): string => parts.filter((p): p is string => Boolean(p)).map(clean).join(', ');
  const out: string[] = [];
  const section = (title: string) => out.push('', title);
  out.push(clean(summary.title));
  out.push('='.repeat(Math.min(72, Math.max(3, clean(summary.title).length))));
  if (summary.summary) out.push(clean(summary.summary));
  out.push(`Owner: ${summary.owner ? clean(summary.owner) : 'not named yet'}`);
  out.push(`As of: ${summary.todayLabel}`);
  out.push(`Status: ${summary.brief.status.label}: ${summary.brief.status.facts.join(', ')}`);

  section('Commitments');
  if (summary.partners.length === 0) out.push('  no partners listed yet');
  for (const partner of summary.partners) {
    out.push(`  ${clean(partner.name)} (${facts(partner.sideLabel, partner.isOwner && 'owner')}): ${partner.commitment ? clean(partner.commitment) : 'no commitment recorded yet'}`);
  }

  section('Meetings');
  for (const [name, meeting] of [
    ['Huddle', summary.cadence.huddle],
    ['Briefing', summary.cadence.briefing],
  ] as const) {
    if (!meeting) {
      out.push(`  ${name}: not set up`);
      continue;
    }
    out.push(`  ${name}: ${clean(meeting.description)}${meeting.nextLabel ? `; next ${meeting.nextLabel}` : ''}`);
    for (const notice of meeting.skipped) out.push(`    ${clean(notice)}`);
    if (meeting.attendees.length) out.push(`    Attendees: ${meeting.attendees.map(clean).join(', ')}`);
  }
  const review = summary.review;
  out.push(review ? `  Review: ${facts(review.description, review.lastLabel && `last ${review.lastLabel}`, review.dueLabel && `next due ${review.dueLabel}`)}` : '  Review: not planned');

  section('Milestones');
  if (summary.timeline.startLabel) out.push(`  Started ${summary.timeline.startLabel}`);
  if (summary.timeline.milestones.length === 0) out.push('  no milestones yet');
  for (const m of summary.timeline.milestones) {
    out.push(`  - ${clean(m.title)}: ${facts(m.statusLabel, m.dueLabel ? `due ${m.dueLabel}` : 'no due date', m.owner && `owner ${m.owner}`, ...m.reasons)}`);
  }

  if (summary.decisions.length > 0) {
    section('Decisions needed');
    for (const d of summary.decisions) out.push(`  - ${d.kindLabel}: ${clean(d.text)} (${facts(d.owner && `owner ${d.owner}`, d.detail)})`);
  }

  section('Barriers');
  const groups = [summary.barriers.open, summary.barriers.watching, summary.barriers.resolved];
  if (groups.every((items) => items.length === 0)) out.push('  none recorded');
  for (const barrier of groups.flat()) {
    out.push(`  - ${clean(barrier.text)} (${facts(barrier.statusLabel, barrier.owner && `owner ${barrier.owner}`, barrier.openFor && `open for ${barrier.openFor}`)})`);
  }

  if (summary.actions.length > 0) {
    section('Actions');
    for (const a of summary.actions) {
      out.push(`  - ${clean(a.text)} (${facts(a.statusLabel, a.owner && `owner ${a.owner}`, a.dueLabel && `due ${a.dueLabel}`, a.overdue && 'overdue')})`);
    }
  }

  section('Goals');
  if (summary.goals.length === 0) out.push('  none yet');
  for (const goal of summary.goals) {
    out.push(`  - ${clean(goal.text)}`);
    out.push(`    Measured by: ${goal.measure ? clean(goal.measure) : 'no measure yet'}`);
  }

  section('Partners');
  if (summary.partners.length === 0) out.push('  none listed yet');
  for (const partner of summary.partners) {
    out.push(`  ${clean(partner.name)} (${facts(partner.sideLabel, partner.isOwner && 'owner')})`);
    if (partner.lead) out.push(`    Lead: ${clean(partner.lead)}${partner.contact ? `, ${clean(partner.contact)}` : ''}`);
    out.push(`    Brings: ${partner.brings.length ? partner.brings.map(clean).join('; ') : 'nothing listed yet'}`);
    if (partner.limits.length) out.push(`    Limits: ${partner.limits.map(clean).join('; ')}`);
  }

  const { health } = summary;
  section("Author's checks");
  out.push(`  ${health.label}`);
  for (const problem of health.problems) {
    out.push(`  line ${problem.line + 1}: ${problem.severityLabel} ${clean(problem.message)} (${problem.rule})`);
  }
  return `${out.join('\n')}\n`;
}

/** How messages name a file: relative to `cwd` when it is below it, else absolute. */
function displayPath(file: string, cwd: string): string {
  const shown = relativePath(file, cwd);
  return shown.startsWith('../') ? file : shown;
}
