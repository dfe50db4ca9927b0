// The exception class of a job's error, as the Discard Cleaner and the batch error summary group by it: the error text
// before the first ": " (GoodJob stores errors as "ExampleJob::DeadError: message"). Its SQL twin, errorClassSql
// (lib/sql/error-class-sql.ts), is what the filter, the Discard Cleaner and the error summary run.

/** `ExampleJob::DeadError: dead` → `ExampleJob::DeadError`; a text without ": " is its own class; null stays null. */
export function errorClass(error: string | null): string | null {
  if (error === null) return null;
  const at = error.indexOf(': ');
  return at < 0 ? error : error.slice(0, at);
}
