// Names (job classes, queues, callbacks) are long and made of words joined by `::`, `_`, `.` or `-`. A name may break
// only after one of those joints, never inside a word ("…::Call|backJob"): the page puts a <wbr> there.

/** The parts of a name (never a break before its first word), each ending at a joint after which a line may break; joined, they are the name again. */
export function breakParts(name: string): string[] {
  const parts = name.split(/(?<=[^:_.-](?:::|[_.-])+)(?=[^:_.-])/u);
  return parts.filter((part) => part.length > 0);
}
