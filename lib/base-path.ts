// The base path the build was made for (BASE_PATH, checked by next.config.ts and lib/env.ts): compiled into server and
// browser code alike as NEXT_PUBLIC_BASE_PATH, so it is a constant of the build, not a setting read while serving.
export const BASE_PATH: string = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
