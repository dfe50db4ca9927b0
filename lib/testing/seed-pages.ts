// Reads the JSON blocks of a seed page (text copied from GoodJob's batch page): each starts at a line `{` and ends at `}`.
export function jsonBlocksOf(pageText: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of pageText.split('\n')) {
    if (current === null && line.startsWith('{')) current = [];
    if (current !== null) {
      current.push(line.trimEnd());
      if (line.startsWith('}')) {
        blocks.push(current.join('\n'));
        current = null;
      }
    }
  }
  return blocks;
}
