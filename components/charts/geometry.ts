// The time-series chart's drawing box (SVG user units; the SVG scales to its container's width).
export const WIDTH = 800;
export const LEFT = 8;
export const RIGHT = WIDTH - 8;
/** Room above the plot for the scale's top value. */
export const TOP = 22;
export const PLOT = 160;
export const BOTTOM = TOP + PLOT;
/** Room under the plot for the time axis. */
export const AXIS = 24;
/** Colour classes for the series in order (`chart-s0` … `chart-s7`); a folded "Other" series takes `chart-other`. */
export const SERIES_CLASSES = ['chart-s0', 'chart-s1', 'chart-s2', 'chart-s3', 'chart-s4', 'chart-s5', 'chart-s6', 'chart-s7'] as const;
