// `charter: 1`, the format version. Format 1.1 only adds keys, so it is still written `1`.
import { noReading, readingsOf, ValueTable } from './types';
import { normalize } from './words';

export const versions: ValueTable = {
  kind: 'version',
  title: 'Format version (`charter`)',
  accepted: '`1`, as a bare number (format 1.1 adds keys and is still written `1`).',
  example: 'charter: 1',
  samples: ['"1"', 'v1', '1.1', 'version 1'],
  write: 'integer',
  interpret(typed) {
    const text = normalize(typed).replace(/^(charter\s+)?(format\s+)?(version|ver|v)\.?\s*/, '');
    if (/^(1|1\.0+|1\.1|one|i)$/.test(text)) return readingsOf([1]);
    return noReading('is a format version this tool does not read: it reads charters written for format 1 (`charter: 1`)');
  },
};
