// Reading a huddle agenda that was filled in during the meeting: which actions from last time
// were ticked, and which next-step lines were written. Tolerant of hand edits: other list
// markers, [x] or [X], missing minutes in headings, CRLF, extra spaces. Every line that looks
// meant for the charter but cannot be read is kept with the reason, never dropped.
import { ACTIONS_HEADING, NEXT_STEPS_HEADING } from '../agenda/huddle';
import { parseAgendaDate } from './due-dates';
import { DateOnly } from '../types';

export interface AgendaLine {
  /** 1-based line number in the agenda. */
  line: number;
  /** The line as written (without its line break). */
  text: string;
}

export interface TickedAction extends AgendaLine {
  /** From the hidden marker: an action id, or a 1-based position (`#3`). */
  marker?: { id: string } | { position: number };
  /** The action's text as the agenda shows it (unescaped). */
  actionText: string;
}

export interface NextStep extends AgendaLine {
  /** What is written after the checkbox, unescaped and trimmed. */
  content: string;
}

export interface ReadAgenda {
  kind?: 'huddle' | 'briefing';
  /** The charter title on the first line, unescaped. */
  title?: string;
  /** The meeting date (from the line under the title). */
  date?: DateOnly;
  /** The date on the "Next huddle:" line, for next steps due "next huddle". */
  nextMeeting?: DateOnly;
  ticked: TickedAction[];
  nextSteps: NextStep[];
  /** Lines in those two sections that are not list items (notes typed there), kept to report. */
  stray: AgendaLine[];
}

const TITLE = /^#\s+(Huddle|Briefing)\s*(?:—|–|--|-)\s*(.*?)\s*$/i;
const HEADING = /^#{2,6}\s+(?:\d+[.)]\s*)?(.*?)\s*(?:\((?:\d+\s*min(?:utes?)?|if time allows)\))?\s*$/i;
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[\s*([xX✓✔]?)\s*\]\s*)?(.*)$/;
const MARKER = /<!--\s*action:\s*(#?\s*[^\s>]+)\s*-->/;

/** Undoes the agenda's Markdown escaping and bold marks. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/\\([\\`*_[\]<>~|#&{}()+.!-])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function sectionOf(heading: string): 'actions' | 'next' | 'other' {
  const name = heading.toLowerCase().replace(/\s+/g, ' ');
  if (name.startsWith(ACTIONS_HEADING.toLowerCase())) return 'actions';
  if (name.startsWith(NEXT_STEPS_HEADING.toLowerCase())) return 'next';
  return 'other';
}

/** Lines the agenda itself writes in those sections, which are not someone's notes. */
function isAgendaText(line: string): boolean {
  return /^(Tick each one|Who does what by when|No open actions|Next (huddle|briefing):|No (huddle|briefing) on)/i.test(line.trim());
}

export function readAgenda(markdown: string): ReadAgenda {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result: ReadAgenda = { ticked: [], nextSteps: [], stray: [] };
  let section: 'actions' | 'next' | 'other' | 'header' = 'header';
  lines.forEach((raw, index) => {
    const text = raw.replace(/\s+$/, '');
    const line = index + 1;
    const title = result.kind ? undefined : TITLE.exec(text);
    if (title) {
      result.kind = title[1].toLowerCase() as 'huddle' | 'briefing';
      result.title = unescapeMarkdown(title[2]);
      return;
    }
    if (section === 'header' && !result.date && text.trim() !== '') {
      const date = parseAgendaDate(text.trim().split(/\s+at\s+|\s+·\s+/)[0]);
      if (date) result.date = date;
    }
    const next = /^Next (?:huddle|briefing):\s*(.*)$/i.exec(text.trim());
    if (next) {
      result.nextMeeting = parseAgendaDate(next[1].trim()) ?? result.nextMeeting;
      section = 'other';
      return;
    }
    const heading = HEADING.exec(text);
    if (heading && text.startsWith('#')) {
      section = sectionOf(heading[1]);
      return;
    }
    if (section !== 'actions' && section !== 'next') return;
    if (text.trim() === '' || isAgendaText(text)) return;
    const item = ITEM.exec(text);
    if (!item) {
      result.stray.push({ line, text });
      return;
    }
    const ticked = item[1] !== undefined && item[1] !== '';
    const body = item[2];
    if (section === 'actions') {
      if (!ticked) return;
      const marker = MARKER.exec(body);
      const actionText = unescapeMarkdown(body.replace(MARKER, '').split(/\s+(?:—|–)\s+/)[0]);
      result.ticked.push({ line, text, actionText, marker: marker ? parseMarker(marker[1]) : undefined });
      return;
    }
    const content = unescapeMarkdown(body.replace(MARKER, ''));
    if (content !== '') result.nextSteps.push({ line, text, content });
  });
  return result;
}

function parseMarker(value: string): TickedAction['marker'] {
  const position = /^#\s*(\d+)$/.exec(value);
  return position ? { position: Number(position[1]) } : { id: value };
}
