// `charter record`: what a filled-in huddle agenda changes in the charter, as text edits.
// Ticked actions from last time become `status: done`; each filled next-step line becomes a new
// `actions` entry with `raised` set to the huddle's date. Comments, formatting, line endings and
// every value not targeted stay as they were. Lines that cannot be read are listed with the
// reason; the rest is still recorded, and recording the same agenda again adds nothing twice.
import { toCharterData, ActionData, CharterData } from '../charter-data';
import { formatDate } from '../dates';
import { appendToMap, applyEdits, insertTopLevel } from '../edits';
import { buildModel, CharterModel, MapView } from '../model';
import { parseCharter } from '../parse';
import { isMap, isScalar, isSeq, TreeSeq } from '../tree';
import { DateOnly, TextEdit } from '../types';
import { readDueDate } from './due-dates';
import { resolveOwner } from './owners';
import { NextStep, readAgenda, ReadAgenda, TickedAction } from './read-agenda';

export { readAgenda } from './read-agenda';
export type { ReadAgenda } from './read-agenda';

export interface NewAction {
  id: string;
  text: string;
  owner?: string;
  due?: DateOnly;
  raised: DateOnly;
}

export type RecordResult =
  | {
      ok: true;
      /** Edits against the charter text given (no byte order mark). */
      edits: TextEdit[];
      /** The charter text after the edits. */
      text: string;
      /** What was changed, one line each. */
      changes: string[];
      /** What was already in the charter (recorded before), one line each. */
      unchanged: string[];
      /** Agenda lines that could not be recorded, each with its line number and the reason. */
      problems: string[];
      date: DateOnly;
    }
  | { ok: false; error: string };

export function planRecord(charterText: string, agendaMarkdown: string): RecordResult {
  const parsed = parseCharter(charterText);
  const syntax = parsed.problems.find((p) => p.rule === 'yaml-syntax');
  if (syntax) return { ok: false, error: `the charter is not valid YAML yet (line ${parsed.lines.positionAt(syntax.span.start).line + 1}); fix it first, then record the huddle` };
  const model = buildModel(parsed);
  if (!model.root) return { ok: false, error: 'the charter holds no charter (expected keys such as "charter: 1" and "title")' };
  const data = toCharterData(parsed.value);
  const agenda = readAgenda(agendaMarkdown);
  const refused = checkAgenda(agenda, data);
  if (refused) return { ok: false, error: refused };
  const date = agenda.date!;

  const changes: string[] = [];
  const unchanged: string[] = [];
  const problems: string[] = agenda.stray.map((s) => `line ${s.line}: "${s.text.trim()}" is not a list item, so it was not recorded (write next steps as "- [ ] what — who — by when")`);
  const edits: TextEdit[] = [];

  for (const tick of agenda.ticked) {
    const found = findAction(model, data, tick);
    if ('error' in found) {
      problems.push(`line ${tick.line}: "${tick.actionText}" ${found.error}`);
      continue;
    }
    const { view, action } = found;
    const name = `"${action.text ?? action.id}"${action.id ? ` (${action.id})` : ''}`;
    if (action.status === 'done') {
      unchanged.push(`Already done: ${name}`);
      continue;
    }
    const edit = statusDoneEdit(model, view);
    if (!edit) {
      problems.push(`line ${tick.line}: ${name} could not be marked done (its entry is not a plain "key: value" block); set its status by hand`);
      continue;
    }
    edits.push(edit);
    changes.push(`Marked done: ${name}${action.status === 'dropped' ? ' (it was dropped)' : ''}`);
  }

  const taken = new Set(data.actions.map((a) => a.id).filter((id): id is string => id !== undefined));
  const added: NewAction[] = [];
  for (const step of agenda.nextSteps) {
    const reading = readNextStep(step, data, date, agenda.nextMeeting);
    if ('error' in reading) {
      problems.push(`line ${step.line}: "${step.content}": ${reading.error}`);
      continue;
    }
    const already = data.actions.find((a) => sameText(a.text, reading.text) && a.raised && formatDate(a.raised) === formatDate(date));
    if (already || added.some((a) => sameText(a.text, reading.text))) {
      unchanged.push(`Already recorded: "${reading.text}"${already?.id ? ` (${already.id})` : ''}`);
      continue;
    }
    const action: NewAction = { ...reading, id: uniqueId(reading.text, taken), raised: date };
    taken.add(action.id);
    added.push(action);
    const details = [action.owner ?? 'no owner named', action.due ? `due ${formatDate(action.due)}` : 'no due date'].join(', ');
    changes.push(`Added ${action.id}: "${action.text}" — ${details}; raised ${formatDate(date)}`);
  }
  if (added.length > 0) {
    const edit = addActionsEdits(model, added);
    if ('error' in edit) return { ok: false, error: edit.error };
    edits.push(...edit);
  }

  const text = applyEdits(charterText, edits);
  const doneBefore = data.actions.filter((a) => a.status === 'done').length;
  const broken = verify(text, added, doneBefore + changes.filter((c) => c.startsWith('Marked done')).length);
  if (broken) return { ok: false, error: `recording would not give a charter that reads back as intended (${broken}); nothing was changed. Please report this.` };
  return { ok: true, edits, text, changes, unchanged, problems, date };
}

/** Why this agenda cannot be recorded into this charter, if it cannot. */
function checkAgenda(agenda: ReadAgenda, data: CharterData): string | undefined {
  if (!agenda.kind) return 'this does not look like an agenda made by "charter agenda" (its first line should be "# Huddle — <charter title>")';
  if (agenda.kind !== 'huddle') return 'this is a briefing agenda; record reads huddle agendas (actions and next steps are agreed at the huddles)';
  if (!agenda.date) return 'the agenda has no meeting date under its title (such as "Tue 1 Dec 2026 at 08:30"), so the actions cannot get their "raised" date';
  const title = (data.title ?? 'Untitled charter').replace(/\s+/g, ' ').trim();
  if (agenda.title !== undefined && agenda.title.toLowerCase() !== title.toLowerCase()) {
    return `this agenda is for "${agenda.title}", but the charter is "${title}"; record it into the charter it was made from`;
  }
  return undefined;
}

function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The action a ticked line stands for: by its marker, checked against its text; else by its text alone. */
function findAction(model: CharterModel, data: CharterData, tick: TickedAction): { view: MapView; action: ActionData } | { error: string } {
  const pair = (action: ActionData | undefined) => {
    const view = action ? actionView(model, action) : undefined;
    return action && view ? { view, action } : undefined;
  };
  const marker = tick.marker;
  if (marker && 'id' in marker) {
    const byId = pair(data.actions.find((a) => a.id === marker.id));
    if (byId) return byId;
  }
  if (marker && 'position' in marker) {
    const byPosition = pair(data.actions.find((a) => a.index === marker.position - 1 && sameText(a.text, tick.actionText)));
    if (byPosition) return byPosition;
  }
  const byText = data.actions.filter((a) => sameText(a.text, tick.actionText));
  if (byText.length === 1) return pair(byText[0]) ?? { error: 'could not be found in the charter' };
  if (byText.length > 1) return { error: 'matches more than one action in the charter; give the actions ids and generate the agenda again' };
  return { error: 'is not among the charter\'s actions any more (was it renamed or removed?); nothing was marked done' };
}

/** The model's map for an action of the data view (both count the list's map items in order). */
function actionView(model: CharterModel, action: ActionData): MapView | undefined {
  const seq = model.root?.get('actions')?.value;
  if (!isSeq(seq)) return undefined;
  const item = seq.items[action.index];
  return isMap(item) ? new MapView(item) : undefined;
}

function statusDoneEdit(model: CharterModel, view: MapView): TextEdit | undefined {
  const status = view.get('status');
  if (status && isScalar(status.value) && status.valueSpan.end > status.valueSpan.start) {
    return { start: status.valueSpan.start, end: status.valueSpan.end, newText: 'done' };
  }
  if (status) return undefined;
  return appendToMap(model, view, 'status: done');
}

/** "Send the clinic list — Dana Ruiz — Tue 8 Dec": text, owner (a partner id) and due date. */
function readNextStep(step: NextStep, data: CharterData, huddle: DateOnly, nextHuddle: DateOnly | undefined): { text: string; owner?: string; due?: DateOnly } | { error: string } {
  const parts = step.content
    .split(/\s*(?:—|–|--)\s*|\s+-\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let due: DateOnly | undefined;
  let owner: string | undefined;
  if (parts.length >= 2) {
    const reading = readDueDate(parts[parts.length - 1], huddle, nextHuddle);
    if (reading && 'error' in reading) return { error: `${reading.error}; nothing was recorded for this line` };
    if (reading) {
      due = reading.date;
      parts.pop();
    }
  }
  if (parts.length >= 2) {
    const who = resolveOwner(parts[parts.length - 1], data.partners);
    if ('error' in who) return { error: `${who.error}; nothing was recorded for this line` };
    owner = who.id;
    parts.pop();
  }
  const text = parts.join(' — ').trim();
  if (text === '') return { error: 'the line says who and when but not what; nothing was recorded for this line' };
  return { text, owner, due };
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'for', 'and', 'with', 'on', 'in', 'at', 'by', 'from', 'our', 'their']);

/** "send-clinic-list-research": an id from the action's first words, unique among the actions. */
export function uniqueId(text: string, taken: ReadonlySet<string>): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !SMALL_WORDS.has(w));
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > 32 || next.split('-').length > 4) break;
    base = next;
  }
  if (!/^[a-z]/.test(base)) base = base ? `action-${base}` : 'action';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

// ---- Writing the new entries -------------------------------------------------------

/** A scalar as YAML reads it back unchanged: plain when safe, else double-quoted. */
export function yamlScalar(text: string, flow: boolean): string {
  const plain =
    text !== '' &&
    text === text.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/: |:$| #|[\t\n\r]/.test(text) &&
    !(flow && /[,[\]{}]/.test(text)) &&
    !/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(text) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(text) &&
    !/^\d{4}-\d{1,2}-\d{1,2}/.test(text);
  return plain ? text : JSON.stringify(text);
}

function pairs(action: NewAction, flow: boolean): string[] {
  const out = [`id: ${action.id}`, `text: ${yamlScalar(action.text, flow)}`];
  if (action.owner) out.push(`owner: ${yamlScalar(action.owner, flow)}`);
  if (action.due) out.push(`due: ${formatDate(action.due)}`);
  out.push(`raised: ${formatDate(action.raised)}`);
  return out;
}

/** Block lines of new list entries, for an item dash at `indent`. */
function blockItems(actions: NewAction[], indent: string, newline: string): string {
  return actions
    .map((a) =>
      pairs(a, false)
        .map((p, i) => `${indent}${i === 0 ? '- ' : '  '}${p}`)
        .join(newline),
    )
    .join(newline);
}

function addActionsEdits(model: CharterModel, actions: NewAction[]): TextEdit[] | { error: string } {
  const { text, lines } = model.parsed;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const info = model.root!.get('actions');
  if (!info) {
    const edit = insertTopLevel(model, 'actions', ['actions:', ...blockItems(actions, '  ', '\n').split('\n')]);
    return edit ? [edit] : { error: 'the charter is not a block of "key: value" lines, so new actions cannot be added; add them by hand' };
  }
  const keyColumn = lines.positionAt(info.keySpan.start).character;
  const value = info.value;
  const emptyValue = value === null || (isScalar(value) && (value.value === null || value.value === '') && value.start === value.valueEnd);
  if (emptyValue) {
    const at = lines.lineContentEnd(lines.positionAt(info.keySpan.end).line);
    return [{ start: at, end: at, newText: newline + blockItems(actions, ' '.repeat(keyColumn + 2), newline) }];
  }
  if (!isSeq(value)) return { error: '"actions" in the charter is not a list, so new actions cannot be added; fix it first' };
  if (!value.flow) return [blockSeqEdit(model, value, actions, newline)];
  if (value.items.length === 0) {
    // `actions: []` becomes a block list under the key; a comment after `[]` stays on the key's line.
    const at = lines.lineContentEnd(lines.positionAt(value.valueEnd).line);
    return [
      { start: model.parsed.text.indexOf(':', info.keySpan.end) + 1, end: value.valueEnd, newText: '' },
      { start: at, end: at, newText: newline + blockItems(actions, ' '.repeat(keyColumn + 2), newline) },
    ];
  }
  return [flowSeqEdit(model, value, actions)];
}

function blockSeqEdit(model: CharterModel, seq: TreeSeq, actions: NewAction[], newline: string): TextEdit {
  const { text, lines } = model.parsed;
  const dashColumn = lines.positionAt(seq.start).character;
  const last = seq.items[seq.items.length - 1];
  let end = seq.valueEnd;
  while (end > seq.start && /\s/.test(text.charAt(end - 1))) end--;
  const at = lines.lineContentEnd(lines.positionAt(end).line);
  // Follow the list's style: one-line `- {...}` entries when its last entry is one.
  const indent = ' '.repeat(dashColumn);
  const newText =
    isMap(last) && last.flow
      ? actions.map((a) => `${indent}- {${pairs(a, true).join(', ')}}`).join(newline)
      : blockItems(actions, indent, newline);
  return { start: at, end: at, newText: newline + newText };
}

/** `actions: [{...}]` keeps its style: the new entries go before the `]`. */
function flowSeqEdit(model: CharterModel, seq: TreeSeq, actions: NewAction[]): TextEdit {
  const { text } = model.parsed;
  let close = seq.valueEnd - 1;
  while (close > seq.start && text.charAt(close) !== ']') close--;
  let before = close;
  while (before > seq.start && /\s/.test(text.charAt(before - 1))) before--;
  const comma = text.charAt(before - 1) === ',' ? ' ' : ', ';
  return { start: before, end: before, newText: comma + actions.map((a) => `{${pairs(a, true).join(', ')}}`).join(', ') };
}

/** Reads the edited charter back: valid YAML, each new action exactly as meant, `doneAfter` actions done. */
function verify(text: string, added: NewAction[], doneAfter: number): string | undefined {
  const parsed = parseCharter(text);
  if (parsed.problems.some((p) => p.rule === 'yaml-syntax')) return 'the result is not valid YAML';
  const data = toCharterData(parsed.value);
  for (const action of added) {
    const found = data.actions.find((a) => a.id === action.id);
    if (!found) return `${action.id} is missing`;
    if (found.text !== action.text || found.owner !== action.owner || found.raised === undefined || formatDate(found.raised) !== formatDate(action.raised)) return `${action.id} reads back differently`;
    if ((found.due ? formatDate(found.due) : undefined) !== (action.due ? formatDate(action.due) : undefined)) return `${action.id} has another due date`;
  }
  const done = data.actions.filter((a) => a.status === 'done').length;
  if (done !== doneAfter) return 'an action marked done is not done';
  return undefined;
}
