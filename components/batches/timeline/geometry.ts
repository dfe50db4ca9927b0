// The timeline's drawing box (SVG user units; the SVG scales to its container's width).
export const WIDTH = 800;
export const LEFT = 8;
export const RIGHT = WIDTH - 8;
export const TOP = 8;
/** Room under the plot for the time axis. */
export const AXIS = 24;
export const DENSITY_PLOT = 150;
