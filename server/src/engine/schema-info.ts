// Read-only access to the charter JSON Schema: key descriptions for hovers and
// completion, and the known keys behind "did you mean" suggestions.
import charterSchema = require('../../../schemas/charter.schema.json');

export interface SchemaNode {
  description?: string;
  title?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  enumDescriptions?: string[];
  required?: string[];
  $ref?: string;
  [key: string]: unknown;
}

export const CHARTER_SCHEMA = charterSchema as unknown as SchemaNode;

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 10; hops++) current = resolveSchemaPointer(current.$ref);
  return current;
}

/** Resolves a JSON pointer such as `#/definitions/partner` inside the charter schema. */
export function resolveSchemaPointer(pointer: string): SchemaNode | undefined {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  let node: unknown = CHARTER_SCHEMA;
  for (const part of parts) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return deref(node as SchemaNode | undefined);
}

/** The schema for the value at a path of keys and list indexes (`['partners', 0, 'side']`). */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node = deref(CHARTER_SCHEMA);
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? deref(node.items) : deref(node.properties?.[segment]);
  }
  return node;
}
