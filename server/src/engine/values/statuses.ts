// Milestone and barrier statuses: the words people use for done, under way, late, stuck,
// not started, closed, monitored... A word that means two statuses offers both.
import { BARRIER_STATUSES, MILESTONE_STATUSES } from '../statuses';
import { enumReader } from './enum-table';
import { ValueTable } from './types';

const MILESTONE = enumReader({
  values: MILESTONE_STATUSES,
  phrases: [
    ['done', ['complete', 'completed', 'finished', 'finish', 'achieved', 'met', 'accomplished', 'delivered', 'closed', 'finalized', 'finalised', 'signed off', 'completed on time', 'all done', '100%', '✓', '✔', '✅']],
    ['on-track', ['on track', 'on-track', 'in progress', 'inprogress', 'wip', 'work in progress', 'underway', 'under way', 'ongoing', 'started', 'active', 'going', 'going well', 'progressing', 'green', 'on schedule', 'on time', 'ok', 'okay', 'fine', 'good', 'in hand']],
    ['at-risk', ['at risk', 'risk', 'risky', 'late', 'behind', 'behind schedule', 'delayed', 'slipping', 'slipped', 'overdue', 'running late', 'amber', 'yellow', 'off track', 'needs attention', 'concern', 'in danger', 'jeopardy', 'in jeopardy']],
    ['blocked', ['stuck', 'on hold', 'hold', 'paused', 'halted', 'stalled', 'waiting', 'blocker', 'frozen', 'block', 'can\'t proceed', 'cannot proceed']],
    ['planned', ['not started', 'not yet started', 'not begun', 'todo', 'to do', 'to-do', 'pending', 'upcoming', 'scheduled', 'future', 'planning', 'proposed', 'tbd', 'new', 'backlog', 'queued', 'next', 'plan', 'draft', 'later', '0%']],
    [['at-risk', 'blocked'], ['red', 'critical', 'problem']],
  ],
  unwritable: [
    [['cancelled', 'canceled', 'dropped', 'abandoned', 'scrapped', 'withdrawn', 'not doing', 'wont do', "won't do"], 'is not a milestone status: remove a milestone the partners dropped (the history stays in `notes`), or mark it `blocked` while they decide'],
    [['postponed', 'deferred', 'rescheduled', 'moved'], 'is not a status: move `due` to the new date and set the status to `planned` or `on-track`'],
  ],
  twoReadings: (_typed, values) => `can mean ${values.map((v) => `\`${v}\``).join(' or ')}: \`at-risk\` while work goes on but may miss the date, \`blocked\` when it cannot go on`,
});

const BARRIER = enumReader({
  values: BARRIER_STATUSES,
  phrases: [
    ['resolved', ['closed', 'close', 'fixed', 'solved', 'done', 'addressed', 'complete', 'completed', 'cleared', 'gone', 'handled', 'dealt with', 'removed', 'settled', 'over', 'finished', 'no longer an issue', 'not an issue', 'resolve', 'sorted', 'worked around']],
    ['watching', ['watch', 'watched', 'monitoring', 'monitor', 'monitored', 'tracking', 'tracked', 'watchlist', 'watch list', 'on watch', 'keeping an eye', 'keep an eye on it', 'potential', 'possible', 'latent', 'emerging', 'dormant', 'risk', 'watch item', 'under watch']],
    ['open', ['active', 'new', 'ongoing', 'current', 'unresolved', 'outstanding', 'in progress', 'live', 'blocking', 'raised', 'issue', 'existing', 'present', 'still open', 'not resolved', 'reopened', 'opened', 'pending', 'yes']],
    [['watching', 'resolved'], ['mitigated', 'reduced', 'improving', 'better']],
  ],
  twoReadings: (_typed, values) => `can mean ${values.map((v) => `\`${v}\``).join(' or ')}: \`watching\` while it could come back, \`resolved\` once it is dealt with`,
});

export const milestoneStatuses: ValueTable = {
  kind: 'milestone-status',
  title: 'Milestone status (`timeline.milestones[].status`)',
  accepted: '`planned` (not started), `on-track` (under way, on time), `at-risk` (may miss the date), `blocked` (cannot go on) or `done`.',
  example: 'status: on-track',
  samples: ['Done', 'completed', 'in progress', 'behind', 'on hold', 'not started', 'red', 'cancelled'],
  write: 'text',
  interpret: (typed) => MILESTONE.interpret(typed),
};

export const barrierStatuses: ValueTable = {
  kind: 'barrier-status',
  title: 'Barrier status (`barriers[].status`)',
  accepted: '`open` (in the way now), `watching` (could become a problem) or `resolved` (dealt with).',
  example: 'status: watching',
  samples: ['Open', 'fixed', 'monitoring', 'active', 'mitigated'],
  write: 'text',
  interpret: (typed) => BARRIER.interpret(typed),
};

export const MILESTONE_STATUS_PHRASES = MILESTONE.phrases;
export const BARRIER_STATUS_PHRASES = BARRIER.phrases;
