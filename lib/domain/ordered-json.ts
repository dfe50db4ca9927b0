// JSON that keeps what JSON.parse loses: key order as the database returned it (integer-like keys included)
// and number tokens as written (1.0, big integers). Printed the way Ruby's JSON.pretty_generate does.

export type JsonNode =
  | { kind: 'object'; entries: Array<[string, JsonNode]> }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'scalar'; text: string };

export class JsonSyntaxError extends Error {}

export function parseOrderedJson(text: string): JsonNode {
  let i = 0;
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const stringToken = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new JsonSyntaxError('unterminated string');
    i += 1;
    return text.slice(start, i);
  };
  const value = (): JsonNode => {
    skip();
    const c = text[i];
    if (c === '{') {
      i += 1;
      const entries: Array<[string, JsonNode]> = [];
      skip();
      if (text[i] === '}') {
        i += 1;
        return { kind: 'object', entries };
      }
      for (;;) {
        skip();
        if (text[i] !== '"') throw new JsonSyntaxError(`expected a key at ${i}`);
        const key = JSON.parse(stringToken()) as string;
        skip();
        if (text[i] !== ':') throw new JsonSyntaxError(`expected ':' at ${i}`);
        i += 1;
        entries.push([key, value()]);
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return { kind: 'object', entries };
        } else throw new JsonSyntaxError(`expected ',' or '}' at ${i}`);
      }
    }
    if (c === '[') {
      i += 1;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === ']') {
        i += 1;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return { kind: 'array', items };
        } else throw new JsonSyntaxError(`expected ',' or ']' at ${i}`);
      }
    }
    if (c === '"') return { kind: 'scalar', text: stringToken() };
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) throw new JsonSyntaxError(`unexpected token at ${i}`);
    i += m[0].length;
    return { kind: 'scalar', text: m[0] };
  };
  const node = value();
  skip();
  if (i !== text.length) throw new JsonSyntaxError(`trailing text at ${i}`);
  return node;
}

/** A plain JS value as a node (object keys in insertion order). */
export function jsonNode(value: unknown): JsonNode {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(jsonNode) };
  if (value !== null && typeof value === 'object') {
    return { kind: 'object', entries: Object.entries(value).map(([k, v]) => [k, jsonNode(v)]) };
  }
  return { kind: 'scalar', text: JSON.stringify(value ?? null) };
}

export function objectNode(entries: Array<[string, JsonNode]>): JsonNode {
  return { kind: 'object', entries };
}

export function printJson(node: JsonNode, indent = ''): string {
  if (node.kind === 'scalar') return node.text;
  const inner = `${indent}  `;
  if (node.kind === 'array') {
    if (node.items.length === 0) return '[]';
    return `[\n${node.items.map((n) => inner + printJson(n, inner)).join(',\n')}\n${indent}]`;
  }
  if (node.entries.length === 0) return '{}';
  const lines = node.entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${printJson(v, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The decoded text of a string scalar, or undefined for anything else. */
export function stringValue(node: JsonNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || !node.text.startsWith('"')) return undefined;
  return JSON.parse(node.text) as string;
}
