// Reading a charter from disk safely: only regular files, never blocking on a pipe,
// never reading an endless device. Shared by every CLI command.
import * as fs from 'node:fs';

/** Larger files are refused before reading: a charter is a few kilobytes. */
export const MAX_CHARTER_BYTES = 64 * 1024 * 1024;

export class NotARegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(what: string) {
    super(`it is ${what}, not a regular file`);
  }
}

export class FileTooLargeError extends Error {
  readonly code = 'EFBIG';
  constructor(size: number) {
    super(`it is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_CHARTER_BYTES / 1024 / 1024} MB a charter may have`);
  }
}

function kindOf(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

export interface FileBytes {
  buffer: Buffer;
  stats: fs.Stats;
}

/**
 * Reads a whole regular file. Opening with O_NONBLOCK keeps a FIFO from blocking the
 * open; the file's type and size are checked on the open descriptor before reading.
 */
export function readRegularFile(file: string): FileBytes {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new NotARegularFileError(kindOf(stats));
    if (stats.size > MAX_CHARTER_BYTES) throw new FileTooLargeError(stats.size);
    return { buffer: fs.readFileSync(fd), stats };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file as text (UTF-8, invalid bytes replaced), for commands that only read. */
export function readCharterText(file: string): string {
  return readRegularFile(file).buffer.toString('utf8');
}
