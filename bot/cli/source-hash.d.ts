/** Types of source-hash.js (plain JavaScript: run-dist.js and build-dist.js use it before anything is compiled). */
export declare const SOURCE_ROOTS: string[];
/** sha256 of every source's path and content, in a stable order; null when the sources are not here. */
export declare function sourceHash(root: string): string | null;
/** Whether dist/ was built from the sources as they are now (its stamp, written by build-dist.js, matches). */
export declare function builtFromSources(root: string): boolean;
