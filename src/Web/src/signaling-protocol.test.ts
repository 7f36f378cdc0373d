import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';

// The messages the app may send are typed in signaling-protocol.ts, which is written from the server's schema of
// inbound messages (docs/signaling.schema.json). Every `send` in the app takes those types, so `npm run build`
// refuses a message the server would not read; this test refuses a types file that no longer matches the schema.
// After the schema changed: UPDATE_SIGNALING_TYPES=1 npm test, then look at what the build says.

type Schema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};

const literal = (value: unknown) => (value === null ? 'null' : typeof value === 'string' ? `'${value}'` : String(value));

function typeOf(schema: Schema, indent: string): string {
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, indent)).join(' | ');
  const kinds = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (kinds.length === 0) return 'unknown';
  return kinds.map((kind) => {
    switch (kind) {
      case 'string': return 'string';
      case 'number':
      case 'integer': return 'number';
      case 'boolean': return 'boolean';
      case 'null': return 'null';
      case 'array': {
        const item = schema.items ? typeOf(schema.items, indent) : 'unknown';
        return item.includes(' ') ? `Array<${item}>` : `${item}[]`;
      }
      case 'object': return objectOf(schema, indent);
      default: throw new Error(`JSON schema type ${kind} has no TypeScript type here`);
    }
  }).join(' | ');
}

function objectOf(schema: Schema, indent: string): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {})
    .map(([name, field]) => `${indent}  ${name}${required.has(name) ? '' : '?'}: ${typeOf(field, `${indent}  `)};`);
  return fields.length === 0 ? '{}' : `{\n${fields.join('\n')}\n${indent}}`;
}

export function typesFrom(schema: { namespaces: Record<string, Record<string, Schema>> }): string {
  const namespaces = Object.entries(schema.namespaces).map(([ns, actions]) =>
    `  ${ns}:\n${Object.values(actions).map((action) => `    | ${typeOf(action, '    ')}`).join('\n')};`);
  return [
    '// Written from docs/signaling.schema.json by signaling-protocol.test.ts (UPDATE_SIGNALING_TYPES=1 npm test): do not edit.',
    '// What the app may send, by namespace: one member per action the server reads.',
    '',
    'export interface ClientMessages {',
    ...namespaces,
    '}',
    '',
    'export type Namespace = keyof ClientMessages;',
    '',
    '/** Sends one message; the namespace decides which messages the payload may be. */',
    'export type Send = <N extends Namespace>(namespace: N, payload: ClientMessages[N]) => void;',
    '',
  ].join('\n');
}

const repo = new URL('../../../', import.meta.url);
const typesFile = new URL('src/Web/src/signaling-protocol.ts', repo);

test('the app sends exactly the messages of docs/signaling.schema.json', () => {
  const expected = typesFrom(JSON.parse(readFileSync(new URL('docs/signaling.schema.json', repo), 'utf8')));
  if (process.env.UPDATE_SIGNALING_TYPES === '1') writeFileSync(typesFile, expected);
  expect(readFileSync(typesFile, 'utf8')).toBe(expected);
});

test('the types follow the schema: required fields, optional ones, enums and nested shapes', () => {
  const written = typesFrom({
    namespaces: {
      chat: {
        send_message: {
          type: 'object',
          properties: {
            action: { const: 'send_message' }, content: { type: 'string' },
            scope: { enum: ['global', 'private', null] }, ids: { type: ['array', 'null'], items: { type: 'string' } },
          },
          required: ['action', 'content'],
        },
      },
    },
  });
  expect(written).toContain("action: 'send_message';");
  expect(written).toContain('content: string;');
  expect(written).toContain("scope?: 'global' | 'private' | null;");
  expect(written).toContain('ids?: string[] | null;');
});
