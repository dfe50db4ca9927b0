// Turbopack, when this app's folder has no instrumentation file, bundles the one at the workspace root (the
// dashboard's, which starts the dashboard's own edge): this empty hook keeps the floor bare.
export function register(): void {}
