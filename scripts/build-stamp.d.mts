// Types of build-stamp.mjs, a plain ES module so that scripts/start.mjs runs without TypeScript.
export declare const ROOT: string;
export declare function writeStamp(stampFile: string, paths: readonly string[]): void;
export declare function isCurrent(stampFile: string, output: string): boolean;
