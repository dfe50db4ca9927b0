/** A text as a CSS string literal (for `content:` through a custom property): quotes, backslashes and line ends escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n\f]/g, '\\A ')}"`;
}
