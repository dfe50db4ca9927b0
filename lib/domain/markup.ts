// Markup written as text (a chart's SVG): every value that goes into it passes through here, so that names from the
// database (queues, job classes) stay text — never tags or attributes.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML and SVG. */
export function escapeMarkup(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An element's attributes, written in order; undefined ones left out. */
export function attributes(values: Record<string, string | number | undefined>): string {
  let text = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined) text += ` ${name}="${escapeMarkup(value)}"`;
  return text;
}
