// Compares what our command did to a row with what GoodJob's own dashboard did (e2e/fixtures/goodjob-actions):
// a column GoodJob left alone must be unchanged; one it set to NULL must be NULL; one it set to "now" must hold a
// time from our action's window; anything else must equal GoodJob's value.
import { parseDbTime } from '../domain/time';

type Row = Record<string, unknown>;
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/;

function asTime(value: unknown): Date | null {
  if (typeof value !== 'string' || !TIME.test(value)) return null;
  return value.endsWith('Z') ? new Date(value) : parseDbTime(value.replace('T', ' '));
}

export function compareWithGoodJob(
  before: Row,
  goodJobAfter: Row,
  ours: Row,
  window: { from: Date; to: Date },
  path = '',
): string[] {
  const problems: string[] = [];
  for (const [key, expected] of Object.entries(goodJobAfter)) {
    const name = `${path}${key}`;
    const was = before[key];
    const got = ours[key];
    if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
      problems.push(...compareWithGoodJob((was ?? {}) as Row, expected as Row, (got ?? {}) as Row, window, `${name}.`));
      continue;
    }
    const renewed = asTime(expected) !== null && JSON.stringify(was) !== JSON.stringify(expected);
    if (renewed) {
      const t = asTime(got);
      // Rails 6.1 wrote enqueued_at in whole seconds: allow the window to start at the second.
      const from = new Date(Math.floor(window.from.getTime() / 1000) * 1000);
      if (t === null || t < from || t > window.to) problems.push(`${name}: expected a time of the action, got ${JSON.stringify(got)}`);
    } else if (JSON.stringify(got) !== JSON.stringify(expected)) {
      problems.push(`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    }
  }
  return problems;
}
