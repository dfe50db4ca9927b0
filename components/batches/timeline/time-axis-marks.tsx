import type { TimeAxis } from '@/lib/domain/time-axis';
import { LEFT, RIGHT } from './geometry';

/** The time axis under a plot (`y` is the plot's bottom), with a faint line per tick across the plot from `top`. */
export function TimeAxisMarks({ axis, top, y }: { axis: TimeAxis; top: number; y: number }) {
  return (
    <g className="tl-axis" aria-hidden="true">
      <line x1={LEFT} x2={RIGHT} y1={y} y2={y} className="tl-axis-line" />
      {axis.ticks.map((tick) => (
        <g key={tick.at.getTime()}>
          <line x1={tick.x} x2={tick.x} y1={top} y2={y} className="tl-grid" />
          <text x={tick.x} y={y + 16} textAnchor={tick.x < LEFT + 30 ? 'start' : tick.x > RIGHT - 30 ? 'end' : 'middle'}>
            {tick.label}
          </text>
        </g>
      ))}
    </g>
  );
}
