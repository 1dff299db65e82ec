/** The folder that contains the compiled entry points. */
export const distDir: string;

/**
 * Compiles the entry points of the package in `root` (this package by
 * default) into its dist/.
 */
export function buildBackend(root?: string): Promise<void>;

/**
 * Compiles the entry points unless dist/ was built from the sources as
 * they are now.
 */
export function buildIfStale(root?: string): Promise<void>;
