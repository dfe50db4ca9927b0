/**
 * A progress bar made of one segment per outcome, widths in proportion to the counts. Its words are the caller's
 * (`label`, the image's title: its name for screen readers and its tooltip); it draws nothing for zero counts.
 */
export function SegmentedBar({ segments, label, small = false }: { segments: ReadonlyArray<{ kind: string; count: number }>; label: string; small?: boolean }) {
  const total = segments.reduce((sum, s) => sum + Math.max(s.count, 0), 0);
  return (
    <div className={small ? 'segbar segbar-small' : 'segbar'} role="img" title={label} data-testid="progress">
      {segments
        .filter((s) => s.count > 0)
        .map((s) => (
          <span key={s.kind} className={`seg seg-${s.kind}`} data-count={s.count} style={{ width: `${(100 * s.count) / total}%` }} />
        ))}
    </div>
  );
}
