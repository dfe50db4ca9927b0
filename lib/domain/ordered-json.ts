// JSON that keeps what JSON.parse loses: key order as the database returned it (integer-like keys included)
// and number tokens as written (1.0, big integers). Printed the way Ruby's JSON.pretty_generate does.

export type JsonNode =
  | { kind: 'object'; entries: Array<[string, JsonNode]> }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'scalar'; text: string };

export class JsonSyntaxError extends Error {}

type Container = Extract<JsonNode, { kind: 'object' | 'array' }>;

/**
 * Parses JSON text into nodes. Iterative (an explicit stack, no recursion), so a job's arguments nested thousands of
 * levels deep are shown like any other, never a stack overflow.
 */
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
  const stack: Array<{ node: Container; key: string | null }> = [];
  let result: JsonNode | null = null;
  /** Reads `"key":` into the innermost object. */
  const readKey = () => {
    skip();
    if (text[i] !== '"') throw new JsonSyntaxError(`expected a key at ${i}`);
    const key = JSON.parse(stringToken()) as string;
    skip();
    if (text[i] !== ':') throw new JsonSyntaxError(`expected ':' at ${i}`);
    i += 1;
    stack.at(-1)!.key = key;
  };
  /** Puts a finished value into its container; then consumes separators and closers. True when a value is expected next. */
  const attach = (value: JsonNode): boolean => {
    for (let v: JsonNode | null = value; v !== null; ) {
      const top = stack.at(-1);
      if (top === undefined) {
        result = v;
        return false;
      }
      if (top.node.kind === 'array') top.node.items.push(v);
      else top.node.entries.push([top.key!, v]);
      v = null;
      skip();
      const close = top.node.kind === 'array' ? ']' : '}';
      if (text[i] === ',') {
        i += 1;
        if (top.node.kind === 'object') readKey();
        return true;
      }
      if (text[i] !== close) throw new JsonSyntaxError(`expected ',' or '${close}' at ${i}`);
      i += 1;
      v = stack.pop()!.node;
    }
    return true;
  };
  for (let expecting = true; expecting; ) {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      i += 1;
      const node: Container = c === '{' ? { kind: 'object', entries: [] } : { kind: 'array', items: [] };
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i += 1;
        expecting = attach(node);
        continue;
      }
      stack.push({ node, key: null });
      if (c === '{') readKey();
      continue;
    }
    if (c === '"') {
      expecting = attach({ kind: 'scalar', text: stringToken() });
      continue;
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) throw new JsonSyntaxError(`unexpected token at ${i}`);
    i += m[0].length;
    expecting = attach({ kind: 'scalar', text: m[0] });
  }
  skip();
  if (i !== text.length) throw new JsonSyntaxError(`trailing text at ${i}`);
  return result!;
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

/**
 * Indentation stops at this depth: pretty-printing costs depth² bytes of spaces (arguments nested 3,000 levels deep
 * would be 36 MB of them). Deeper values are printed on one line, complete and still valid JSON.
 */
export const PRETTY_DEPTH = 64;

/**
 * Prints like Ruby's JSON.pretty_generate (down to PRETTY_DEPTH levels; compact below). Iterative, like the parser:
 * any depth prints.
 */
export function printJson(root: JsonNode): string {
  const out: string[] = [];
  // Each frame: a container being printed, how far, at what indentation (null: compact).
  const stack: Array<{ node: Container; next: number; indent: string | null }> = [];
  const open = (node: JsonNode, indent: string | null) => {
    if (node.kind === 'scalar') out.push(node.text);
    else if (node.kind === 'array' ? node.items.length === 0 : node.entries.length === 0) out.push(node.kind === 'array' ? '[]' : '{}');
    else {
      const compact = indent === null || indent.length >= 2 * PRETTY_DEPTH;
      out.push(node.kind === 'array' ? '[' : '{', compact ? '' : '\n');
      stack.push({ node, next: 0, indent: compact ? null : indent });
    }
  };
  open(root, '');
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const { node, indent } = frame;
    const size = node.kind === 'array' ? node.items.length : node.entries.length;
    if (frame.next === size) {
      stack.pop();
      out.push(indent === null ? '' : `\n${indent}`, node.kind === 'array' ? ']' : '}');
      continue;
    }
    const inner = indent === null ? null : `${indent}  `;
    if (inner === null) out.push(frame.next === 0 ? '' : ',');
    else out.push(frame.next === 0 ? inner : `,\n${inner}`);
    const child = node.kind === 'array' ? node.items[frame.next]! : node.entries[frame.next]![1];
    if (node.kind === 'object') out.push(`${JSON.stringify(node.entries[frame.next]![0])}:${inner === null ? '' : ' '}`);
    frame.next += 1;
    open(child, inner);
  }
  return out.join('');
}

/** The decoded text of a string scalar, or undefined for anything else. */
export function stringValue(node: JsonNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || !node.text.startsWith('"')) return undefined;
  return JSON.parse(node.text) as string;
}
