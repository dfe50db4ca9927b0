// A Ruby backtrace split like Rails' backtrace cleaner: the application's own frames first.

const LIBRARY_FRAME = /\/gems\/|\/rubygems|\/lib\/ruby\/|\/bundle\/|<internal:|^\[?internal|\/vendor\/bundle\//;

export function isApplicationFrame(frame: string): boolean {
  return !LIBRARY_FRAME.test(frame);
}

export function applicationFrames(backtrace: readonly string[] | null): string[] {
  return (backtrace ?? []).filter(isApplicationFrame);
}
