// Questions the editor features ask of the charter schema: what a key means, what
// kind of value belongs at a path. A property with `$ref` keeps its own description
// next to the `$ref`, so descriptions are read before dereferencing.
import { resolveSchemaPointer, schemaAt, SchemaNode } from './schema-info';
import type { PathSegment } from './yaml-cursor';

/** The schema node of the value at `path`, dereferenced (undefined off the schema). */
export function valueSchema(path: readonly PathSegment[]): SchemaNode | undefined {
  return schemaAt(path);
}

/** The property (or list item) schema as written in its parent, before `$ref` is followed. */
function rawSchema(path: readonly PathSegment[]): SchemaNode | undefined {
  if (path.length === 0) return undefined;
  const parent = schemaAt(path.slice(0, -1));
  const last = path[path.length - 1];
  return typeof last === 'number' ? parent?.items : parent?.properties?.[last];
}

/** What the key (or list item) at `path` means, in the schema's words. */
export function describePath(path: readonly PathSegment[]): string | undefined {
  const raw = rawSchema(path);
  if (!raw) return path.length === 0 ? schemaAt([])?.description : undefined;
  if (raw.description) return raw.description;
  return raw.$ref ? resolveSchemaPointer(raw.$ref)?.description : undefined;
}

/** `partners[].side`: how a path is written in the docs. */
export function displayPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += '[]';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

export type ValueKind = 'partner-id' | 'date' | 'frequency' | 'time-zone' | 'enum' | 'const' | 'time' | 'integer' | 'string' | 'object' | 'array' | 'unknown';

/** The kind of value the schema expects at `path`. */
export function valueKind(schema: SchemaNode | undefined): ValueKind {
  if (!schema) return 'unknown';
  if (schema.title === 'Partner id') return 'partner-id';
  if (schema.title === 'Date') return 'date';
  if (schema.title === 'Frequency') return 'frequency';
  if (schema.title === 'Time zone') return 'time-zone';
  if (Array.isArray(schema.enum)) return 'enum';
  if (schema.const !== undefined) return 'const';
  if (typeof schema.pattern === 'string' && schema.pattern.includes(':[0-5]')) return 'time';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'object' || type === 'array' || type === 'string') return type;
  return 'unknown';
}

/** The meaning of one enum value, when the schema gives it. */
export function enumMeaning(schema: SchemaNode | undefined, value: string): string | undefined {
  const index = schema?.enum?.indexOf(value) ?? -1;
  return index >= 0 ? schema?.enumDescriptions?.[index] : undefined;
}

/** Required keys of an object schema. */
export function requiredKeys(schema: SchemaNode | undefined): Set<string> {
  return new Set(schema?.required ?? []);
}
