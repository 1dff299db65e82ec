/** The folder that holds the compiled entry points. */
export const distDir: string;

/** Compiles the entry points into dist/. */
export function buildBackend(): Promise<void>;

/** Compiles the entry points unless dist/ is newer than every source. */
export function buildIfStale(): Promise<void>;
