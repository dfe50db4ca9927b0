// The app's log lines, in the server's one shape (scripts/server/log.mjs), named after this process's instance.
import { log as write, type LogLevel } from '../edge/log.mjs';
import { instanceName } from '../instance';

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  write(level, event, fields, instanceName());
}
