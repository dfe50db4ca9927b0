// Coordinates in server-drawn SVG charts, to a tenth of a user unit: plenty on an 800-unit canvas, and a third of
// the bytes of d3's 15 digits (each number is sent twice: in the HTML and in the page's RSC payload).

/** A coordinate or length rounded to a tenth of a unit. */
export const px = (n: number): number => Math.round(n * 10) / 10;

/** For d3's `scale.interpolate()`: every position the scale gives is already rounded by `px`. */
export const interpolateTenth = (a: number, b: number) => (t: number) => px(a + (b - a) * t);
