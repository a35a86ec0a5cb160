// Our language server and yaml-language-server, each started fresh for each file
// over stdio, driven the way an editor drives them: open, type, hover, complete,
// ask for code actions; then the process's peak memory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, Position } from 'vscode-languageserver-protocol/node';
import { generateCharter } from './generate';
import { LspSession, ServerSpec, Timed } from './lsp-client';
import { median, percentile, settle } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
export const TODAY = '2026-11-26';

/** What the user types, one character per didChange. */
const TYPED = 'and agree on it with each clinic lead before the next huddle';

export function charterServerSpec(entry?: string): ServerSpec {
  const candidates = [entry, path.join(ROOT, 'bin', 'charter-language-server.js')].filter((f): f is string => !!f);
  const script = candidates.find((file) => fs.existsSync(file));
  if (!script) throw new Error('our language server is not built (bin/charter-language-server.js is missing)');
  return {
    name: 'charter',
    command: process.execPath,
    args: [script, '--stdio'],
    // The default of `partnershipCharter.lintDelay`; the first lint after didOpen is immediate.
    debounceMs: 30,
    languageId: 'partnership-charter',
    settings: { partnershipCharter: { today: TODAY } },
  };
}

export function yamlServerSpec(): ServerSpec {
  const schemaUri = pathToFileURL(path.join(ROOT, 'schemas', 'charter.schema.json')).toString();
  return {
    name: 'yaml-ls',
    command: process.execPath,
    args: [path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    // yaml-language-server validates 200 ms after the last change (validationDelayMs), also after didOpen.
    debounceMs: 200,
    languageId: 'yaml',
    settings: {
      yaml: {
        schemas: { [schemaUri]: '*.charter.yaml' },
        validate: true,
        hover: true,
        completion: true,
        // No network here, and nothing but our schema should apply.
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
      },
      http: { proxy: '', proxyStrictSSL: false },
      // What VS Code sends; without an indentation yaml-language-server's code actions fail.
      '[yaml]': { 'editor.tabSize': 2 },
      editor: { tabSize: 2, detectIndentation: false },
    },
  };
}

export interface ServerFileResult {
  server: string;
  lines: number;
  variant: string;
  startMs: number;
  /** didOpen → diagnostics: median over `opens` opens (each of a slightly different text). */
  openMs: number;
  /** The first of them (the process had only seen the warm-up charter before). */
  firstOpenMs: number;
  opens: number;
  openDiagnostics: number;
  /** The server refused the file (our engine's size limit): its numbers measure the refusal. */
  refused: boolean;
  edits: number;
  changeMs: number[];
  changeMedianMs: number;
  changeP95Ms: number;
  /** Perceived minus the server's debounce: the time the server spends working. */
  workMedianMs: number;
  workP95Ms: number;
  debounceMs: number;
  hoverMs: number;
  hoverFound: boolean;
  completionMs: number;
  completionItems: number;
  codeActionsMs: number;
  codeActions: number;
  peakRssBytes: number;
  /** Peak private resident memory (RssAnon), sampled. */
  peakPrivateBytes: number;
  error?: string;
}

/** Where the user types: just inside the title of a milestone in the middle of the file. */
export function editSite(text: string): { line: number; character: number; hover: Position; completion: Position } {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let distance = 0; distance < lines.length; distance++) {
    for (const line of [middle + distance, middle - distance]) {
      const content = lines[line];
      if (content === undefined) continue;
      const title = content.indexOf('title: "');
      const status = content.indexOf('status: ');
      const due = content.indexOf('due: ');
      if (title >= 0 && status > title && due > title) {
        return {
          line,
          character: title + 'title: "'.length,
          hover: { line, character: due + 1 },
          // The start of the status value (shifted by the typed text, see below).
          completion: { line, character: status + 'status: '.length },
        };
      }
    }
  }
  throw new Error('no milestone line to type into');
}

export function textFor(lines: number): string {
  return generateCharter({ lines, defects: true, schemaDefects: true, seed: 7 });
}

async function repeat<T>(times: number, run: () => Promise<Timed<T>>): Promise<Timed<T>> {
  const samples: Timed<T>[] = [];
  for (let i = 0; i < times; i++) samples.push(await run());
  const ms = median(samples.map((s) => s.ms));
  return { ms, value: samples[samples.length - 1].value };
}

function countCompletion(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown[] }).items)) return (value as { items: unknown[] }).items.length;
  return 0;
}

export interface SessionOptions {
  /** How many times the file is opened (the median is reported). */
  opens: number;
  edits: number;
  /** Repetitions of hover, completion and code actions (median). */
  requests: number;
  /** A small charter is opened and closed first, so the measured open is not the process's first. */
  warmUp: boolean;
}

export async function benchServerOnFile(spec: ServerSpec, folder: string, lines: number, options: SessionOptions): Promise<ServerFileResult> {
  const text = textFor(lines);
  const file = path.join(folder, `bench-${lines}.charter.yaml`);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const started = await LspSession.start(spec, pathToFileURL(folder).toString());
  const session = started.value;
  const result: ServerFileResult = {
    server: spec.name,
    lines,
    variant: 'defects',
    startMs: started.ms,
    openMs: NaN,
    firstOpenMs: NaN,
    opens: 0,
    openDiagnostics: 0,
    refused: false,
    edits: 0,
    changeMs: [],
    changeMedianMs: NaN,
    changeP95Ms: NaN,
    workMedianMs: NaN,
    workP95Ms: NaN,
    debounceMs: spec.debounceMs,
    hoverMs: NaN,
    hoverFound: false,
    completionMs: NaN,
    completionItems: 0,
    codeActionsMs: NaN,
    codeActions: 0,
    peakRssBytes: NaN,
    peakPrivateBytes: NaN,
  };
  try {
    if (options.warmUp) {
      // A running editor has seen charters before: one of 1,000 lines is opened three times,
      // typed into, hovered, completed and closed first, so the measurements are not of cold code.
      const warmFile = path.join(folder, `warm-up-${spec.name}.charter.yaml`);
      const warmText = generateCharter({ lines: 1000, defects: true, schemaDefects: true, seed: 99 });
      fs.writeFileSync(warmFile, warmText);
      const warmUri = pathToFileURL(warmFile).toString();
      for (let i = 1; i <= 2; i++) {
        const againUri = pathToFileURL(path.join(folder, `warm-up-${spec.name}-${i}.charter.yaml`)).toString();
        await session.open(againUri, `${warmText}# ${i}\n`);
        await session.close(againUri);
      }
      await session.open(warmUri, warmText);
      const site = editSite(warmText);
      for (let i = 0; i < 5; i++) await session.type(warmUri, { line: site.line, character: site.character + i }, 'x');
      await session.hover(warmUri, site.hover);
      await session.completion(warmUri, site.completion);
      await session.codeActions(warmUri);
      await session.close(warmUri);
      await settle(300);
    }
    const open = await session.open(uri, text);
    const openTimes = [open.ms];
    result.openDiagnostics = open.value.length;
    result.refused = open.value.some((d) => /not read further/.test(typeof d.message === 'string' ? d.message : d.message.value));
    await settle(100);

    const site = editSite(text);
    for (let i = 0; i < options.edits; i++) {
      const typed: Timed<Diagnostic[]> = await session.type(uri, { line: site.line, character: site.character + i }, TYPED[i % TYPED.length]);
      result.changeMs.push(typed.ms);
    }
    result.edits = result.changeMs.length;
    result.changeMedianMs = median(result.changeMs);
    result.changeP95Ms = percentile(result.changeMs, 95);
    result.workMedianMs = Math.max(0, result.changeMedianMs - spec.debounceMs);
    result.workP95Ms = Math.max(0, result.changeP95Ms - spec.debounceMs);

    const shift = options.edits; // the typed characters sit before the hover and completion positions
    const hover = await repeat(options.requests, () => session.hover(uri, { line: site.hover.line, character: site.hover.character + shift }));
    result.hoverMs = hover.ms;
    result.hoverFound = hover.value !== null && hover.value !== undefined;
    const completion = await repeat(options.requests, () =>
      session.completion(uri, { line: site.completion.line, character: site.completion.character + shift }),
    );
    result.completionMs = completion.ms;
    result.completionItems = countCompletion(completion.value);
    const actions = await repeat(options.requests, () => session.codeActions(uri));
    result.codeActionsMs = actions.ms;
    result.codeActions = actions.value.length;
    // Peak memory of the usual session: one charter open, typed into, asked about.
    const memory = session.memory();
    result.peakRssBytes = memory?.peak ?? NaN;
    result.peakPrivateBytes = memory?.peakPrivate ?? NaN;

    // More opens for the didOpen median, each as another file (so no cache keyed by file and
    // version answers) with a comment added, closed again.
    for (let i = 1; i < options.opens; i++) {
      const otherUri = pathToFileURL(path.join(folder, `bench-${lines}-open-${i}.charter.yaml`)).toString();
      openTimes.push((await session.open(otherUri, `${text}# open ${i}\n`)).ms);
      await session.close(otherUri);
      await settle(100);
    }
    result.opens = openTimes.length;
    result.firstOpenMs = openTimes[0];
    result.openMs = median(openTimes);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    result.peakRssBytes = session.memory()?.peak ?? NaN;
    result.peakPrivateBytes = session.memory()?.peakPrivate ?? NaN;
    if (session.stderr) result.error += `\n${session.stderr.slice(-2000)}`;
  } finally {
    await session.stop();
  }
  return result;
}
