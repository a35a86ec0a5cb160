// The document store: open documents, the parse/model/findings of each cached per
// document version, and the config that applies to each charter (its
// `.charterrc.yaml` merged with editor settings). Everything else asks here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Position, Range, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig } from './engine/config';
import { CONFIG_FILE_NAME, LANGUAGE_ID } from './protocol';
import { dateFromLocal, formatDate } from './engine/dates';
import { lintModel } from './engine/lint';
import { buildModel, CharterModel } from './engine/model';
import { ChunkedParser } from './engine/chunked-parse';
import { parseCharter, ParsedCharter } from './engine/parse';
import { plainValue } from './engine/tree';
import { RULE_IDS } from './engine/rules';
import { CharterConfig, DateOnly, defaultConfig, Finding, Span } from './engine/types';
import { findConfigFile, loadConfigFile } from './node/config-files';
import { defaultSettings, EditorSettings, mergeConfig } from './settings';

/** Above this size only the structural rules run, so typing stays responsive. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;
const STRUCTURAL_RULES = new Set(['yaml-syntax', 'schema']);

/** One version of one charter, parsed. The engine sees the text without a byte order mark. */
export class CharterState {
  readonly text: string;
  readonly parsed: ParsedCharter;
  readonly model: CharterModel;
  /** 1 when the editor's text starts with a byte order mark the engine does not see. */
  readonly bom: number;
  readonly large: boolean;
  /** The version parsed (the TextDocument object itself is updated in place by later edits). */
  readonly version: number;
  readonly uri: string;

  /**
   * With `parser` (one per open document), a large charter is parsed in chunks and only the
   * chunks an edit touched are parsed again; the previous state's nodes are reused (and
   * their offsets moved), so a state is replaced, not kept, when a new version is parsed.
   */
  constructor(readonly document: TextDocument, parser?: ChunkedParser) {
    this.version = document.version;
    this.uri = document.uri;
    const raw = document.getText();
    this.bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.parsed = parser ? parser.parse(raw) : parseCharter(raw);
    this.text = this.parsed.text;
    this.model = buildModel(this.parsed);
    this.large = raw.length > LARGE_FILE_BYTES / 4 && Buffer.byteLength(raw, 'utf8') > LARGE_FILE_BYTES;
  }

  /** The plain value; while the YAML has errors, whatever of the tree could be read (best effort). */
  get value(): unknown {
    if (this.parsed.value !== undefined || !this.model.root) return this.parsed.value;
    try {
      return plainValue(this.model.root.map);
    } catch {
      return undefined;
    }
  }

  /** Engine offsets -> editor range (engine ranges already use LSP conventions). */
  rangeOf(span: Span): Range {
    return this.shift(this.parsed.lines.rangeOf(span));
  }

  /** An engine finding's range in the editor's coordinates. */
  shift(range: Range): Range {
    if (!this.bom) return range;
    const move = (p: Position) => (p.line === 0 ? { line: 0, character: p.character + this.bom } : p);
    return { start: move(range.start), end: move(range.end) };
  }

  /** Editor position -> engine offset. */
  offsetAt(position: Position): number {
    const character = position.line === 0 ? Math.max(0, position.character - this.bom) : position.character;
    return this.parsed.lines.offsetAt({ line: position.line, character });
  }
}

/** The config that applies to one charter, and where it came from. */
export interface ResolvedConfig {
  config: CharterConfig;
  configPath?: string;
  /** Problems in the config file itself (positions in that file). */
  configFindings: Finding[];
  today: DateOnly;
  /** Identity of the inputs: equal keys give equal findings. */
  key: string;
}

export interface LintResult {
  state: CharterState;
  resolved: ResolvedConfig;
  findings: Finding[];
  /** Unique per computed result; the pull-diagnostics result id. */
  id: number;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).toString();
}

export function isCharterUri(uri: string): boolean {
  return /\.charter\.ya?ml$/i.test(uri.split(/[?#]/)[0]);
}

export function isConfigUri(uri: string): boolean {
  const file = uri.split(/[?#]/)[0];
  return file.endsWith(`/${CONFIG_FILE_NAME}`) || file === CONFIG_FILE_NAME;
}

/** Neovim users may register the `yaml` filetype, so the file name counts as much as the language id. */
export function isCharterDocument(document: { uri: string; languageId: string }): boolean {
  return document.languageId === LANGUAGE_ID || isCharterUri(document.uri);
}

let resultCounter = 0;

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private settings: EditorSettings = defaultSettings();
  private settingsGeneration = 0;
  private workspaceFolders: string[] = [];
  private readonly states = new Map<string, CharterState>();
  private readonly parsers = new Map<string, ChunkedParser>();
  private readonly results = new Map<string, LintResult>();
  /** Parsed config documents that are open in the editor, by version. */
  private readonly openConfigs = new Map<string, { version: number; value: unknown; parsed: ReturnType<typeof parseConfig> }>();
  /** Clock for "today"; tests and the CLI path fix it through settings instead. */
  now: () => Date = () => new Date();

  getSettings(): EditorSettings {
    return this.settings;
  }

  setSettings(settings: EditorSettings): void {
    this.settings = settings;
    this.settingsGeneration++;
  }

  setWorkspaceFolders(folders: readonly string[]): void {
    this.workspaceFolders = folders.map((f) => path.resolve(f));
  }

  getWorkspaceFolders(): readonly string[] {
    return this.workspaceFolders;
  }

  /** The workspace folder holding `file` (the innermost one), where config lookup stops. */
  folderOf(file: string): string | undefined {
    const inside = this.workspaceFolders.filter((folder) => file === folder || file.startsWith(folder + path.sep));
    return inside.sort((a, b) => b.length - a.length)[0];
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  openCharters(): TextDocument[] {
    return this.documents.all().filter(isCharterDocument);
  }

  /** The parsed charter for the document's current version (cached per version). */
  stateOf(document: TextDocument): CharterState {
    const cached = this.states.get(document.uri);
    if (cached && cached.document === document && cached.version === document.version) return cached;
    const open = this.documents.get(document.uri) === document;
    const state = new CharterState(document, open ? this.parserFor(document.uri) : undefined);
    // Only open documents are cached; a file read from disk for one request is not kept.
    if (open && state.version === document.version) this.states.set(document.uri, state);
    return state;
  }

  /** One incremental parser per open document: it keeps the chunks of the last version. */
  private parserFor(uri: string): ChunkedParser {
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new ChunkedParser()));
    return parser;
  }

  /** The open charter at `uri`, or undefined when it is not open or not a charter. */
  openState(uri: string): CharterState | undefined {
    const document = this.documents.get(uri);
    return document && isCharterDocument(document) ? this.stateOf(document) : undefined;
  }

  /** An open charter, or the file on disk (custom requests may name a closed file). */
  stateForUri(uri: string): CharterState | undefined {
    const open = this.documents.get(uri);
    if (open) return this.stateOf(open);
    const file = uriToPath(uri);
    if (!file) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return new CharterState(TextDocument.create(uri, LANGUAGE_ID, 0, text));
  }

  /** Findings for a state; cached while neither the text nor the config changed. */
  lint(state: CharterState): LintResult {
    const resolved = this.configFor(state.uri, state.large);
    const cached = this.results.get(state.uri);
    if (cached && cached.state === state && cached.resolved.key === resolved.key) return cached;
    const findings = lintModel(state.model, { config: resolved.config, today: resolved.today });
    const result: LintResult = { state, resolved, findings, id: ++resultCounter };
    if (this.documents.get(state.uri)?.version === state.version && this.states.get(state.uri) === state) this.results.set(state.uri, result);
    return result;
  }

  lintUri(uri: string): LintResult | undefined {
    const state = this.openState(uri);
    return state ? this.lint(state) : undefined;
  }

  /** Drops the caches of a closed document. */
  forget(uri: string): void {
    this.states.delete(uri);
    this.parsers.delete(uri);
    this.results.delete(uri);
    this.openConfigs.delete(uri);
  }

  today(config?: CharterConfig): DateOnly {
    return config?.today ?? dateFromLocal(this.now());
  }

  configFor(uri: string, large = false): ResolvedConfig {
    const file = uriToPath(uri);
    const configPath = file ? findConfigFile(file, this.folderOf(file)) : undefined;
    const fromFile = configPath ? this.readConfig(configPath) : undefined;
    const merged = mergeConfig(fromFile?.value, fromFile?.config ?? defaultConfig(), this.settings);
    if (large) {
      for (const id of RULE_IDS) if (!STRUCTURAL_RULES.has(id)) merged.rules[id] = 'off';
    }
    const today = this.today(merged);
    const key = [configPath ?? '', fromFile?.stamp ?? '', this.settingsGeneration, large, formatDate(today)].join('|');
    return { config: merged, configPath, configFindings: fromFile?.findings ?? [], today, key };
  }

  /** Problems in a `.charterrc.yaml` (its open text when open), for that file's own diagnostics. */
  configFindings(uri: string): Finding[] {
    const file = uriToPath(uri);
    return file && isConfigUri(uri) ? this.readConfig(file).findings : [];
  }

  /** A config file: the open editor's text when it is open (unsaved edits count), else the disk. */
  private readConfig(configPath: string): { value: unknown; config: CharterConfig; findings: Finding[]; stamp: string } {
    const uri = pathToUri(configPath);
    const open = this.documents.get(uri);
    if (open) {
      let entry = this.openConfigs.get(uri);
      if (!entry || entry.version !== open.version) {
        const text = open.getText();
        entry = { version: open.version, value: parseCharter(text).value, parsed: parseConfig(text, CONFIG_FILE_NAME) };
        this.openConfigs.set(uri, entry);
      }
      return { value: entry.value, config: entry.parsed.config, findings: entry.parsed.findings, stamp: `open:${open.version}` };
    }
    const loaded = loadConfigFile(configPath);
    return {
      value: loaded.configText === undefined ? undefined : rawValue(loaded.configText),
      config: loaded.config,
      findings: loaded.findings,
      stamp: `disk:${loadStamp(loaded)}`,
    };
  }
}

// loadConfigFile returns the same object until the file changes, so its identity is a cheap version stamp.
const stamps = new WeakMap<object, number>();
let stampCounter = 0;
function loadStamp(loaded: object): number {
  let stamp = stamps.get(loaded);
  if (stamp === undefined) {
    stamp = ++stampCounter;
    stamps.set(loaded, stamp);
  }
  return stamp;
}

const rawValues = new Map<string, unknown>();
function rawValue(text: string): unknown {
  if (!rawValues.has(text)) {
    if (rawValues.size > 32) rawValues.clear();
    rawValues.set(text, parseCharter(text).value);
  }
  return rawValues.get(text);
}
