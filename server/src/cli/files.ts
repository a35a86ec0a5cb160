// Turning the PATH arguments of `charter lint` into a list of files, and the
// file-system helpers the CLI needs (display paths, atomic writes, package.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';

/** What a charter is called (spec "Files"). */
export const CHARTER_PATTERN = '**/*.charter.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface ExpandedPaths {
  /** Absolute, de-duplicated, sorted. */
  files: string[];
  /** Messages for arguments that name nothing (or no charter). */
  problems: string[];
}

/**
 * Expands PATH arguments: a file is taken whatever its name, a folder is walked for
 * charters, anything else that looks like a glob is matched. No argument walks `cwd`.
 * Walks skip node_modules, .git and dot-folders and never enter symbolic links to
 * folders (so link loops cannot trap them); symbolic links to files are kept.
 */
export async function expandPaths(args: readonly string[], cwd: string): Promise<ExpandedPaths> {
  const found = new Set<string>();
  const problems: string[] = [];
  if (args.length === 0) {
    const files = await walk(CHARTER_PATTERN, cwd);
    if (files.length === 0) problems.push('no *.charter.yaml or *.charter.yml file below the current folder');
    files.forEach((file) => found.add(file));
  }
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const stats = statOrUndefined(absolute);
    let files: string[];
    if (stats?.isDirectory()) {
      files = await walk(CHARTER_PATTERN, absolute);
      if (files.length === 0) {
        problems.push(`${arg}: no *.charter.yaml or *.charter.yml file in this folder`);
      }
    } else if (stats || !fg.isDynamicPattern(arg)) {
      // An existing file of any name, or a plain path that does not exist: reading
      // it reports the reason (no such file, permission denied...).
      files = [absolute];
    } else {
      files = await walk(arg, cwd);
      if (files.length === 0) problems.push(`${arg}: no file matches this pattern`);
    }
    files.forEach((file) => found.add(file));
  }
  return { files: [...found].sort(compareStrings), problems };
}

async function walk(pattern: string, cwd: string): Promise<string[]> {
  const entries = await fg(pattern, {
    cwd,
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    onlyFiles: false,
    objectMode: true,
    ignore: IGNORE,
    suppressErrors: true,
  });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) {
      files.push(path.resolve(entry.path));
    } else if (entry.dirent.isSymbolicLink()) {
      // Keep links to files, and broken links too so that reading reports them.
      if (!statOrUndefined(entry.path)?.isDirectory()) files.push(path.resolve(entry.path));
    }
  }
  return files;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How the CLI names a file: relative to `cwd`, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '' || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** The reason an I/O error happened, in words. */
export function describeIOError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

// ---- Atomic writes -------------------------------------------------------

/** Thrown by writeFileAtomically when the file is no longer what was read. */
export class FileChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk while charter was running`);
    this.name = 'FileChangedError';
  }
}

export interface ExpectedFile {
  size: number;
  mtimeMs: number;
  /** When given, the bytes on disk must still be exactly these. */
  content?: Buffer;
}

/**
 * Replaces a file's content without a window in which it is half written: a temporary
 * file in the same folder takes the content and the file's mode, then is renamed over
 * the original. Refuses (FileChangedError, file untouched) when the file on disk no
 * longer matches `expected`. A symbolic link is followed: its target is replaced.
 */
export function writeFileAtomically(file: string, content: string | Buffer, expected: ExpectedFile): void {
  const target = fs.realpathSync(file);
  const stats = fs.statSync(target);
  if (stats.size !== expected.size || stats.mtimeMs !== expected.mtimeMs) throw new FileChangedError(file);
  if (expected.content && !fs.readFileSync(target).equals(expected.content)) throw new FileChangedError(file);
  // Renaming would replace even a read-only file: respect the read-only mark instead.
  fs.accessSync(target, fs.constants.W_OK);

  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  try {
    fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
    fs.chmodSync(temp, stats.mode & 0o7777);
    fs.renameSync(temp, target);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // The temporary file was never created or is already gone.
    }
    throw error;
  }
}

// ---- package.json --------------------------------------------------------

export interface PackageInfo {
  name: string;
  version: string;
  /** Web address of the project, when package.json gives one. */
  homepage?: string;
  /** Web address of the source repository (https), when package.json gives one. */
  repository?: string;
}

let packageInfo: PackageInfo | undefined;

/** The nearest package.json above this file: out/server/src/cli from a checkout, dist/ when bundled. */
function findPackageJson(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('package.json not found above ' + __dirname);
  }
}

/** The extension's package.json. */
export function readPackageInfo(): PackageInfo {
  if (!packageInfo) {
    const json = JSON.parse(fs.readFileSync(findPackageJson(), 'utf8')) as {
      name?: string;
      version?: string;
      homepage?: string;
      repository?: string | { url?: string };
    };
    const repository = typeof json.repository === 'string' ? json.repository : json.repository?.url;
    packageInfo = {
      name: json.name ?? 'partnership-charter',
      version: json.version ?? '0.0.0',
      homepage: json.homepage,
      repository: normalizeRepositoryUrl(repository),
    };
  }
  return packageInfo;
}

function normalizeRepositoryUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const web = url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
  return /^https?:\/\//.test(web) ? web : undefined;
}
