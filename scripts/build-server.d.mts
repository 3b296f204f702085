/** Types of scripts/build-server.mjs (plain JavaScript, so the launcher needs no compiler). */
export declare const outDir: string;
export declare function serverBuildStale(): boolean;
export declare function buildServer(): Promise<void>;
export declare function ensureServerBuilt(): Promise<boolean>;
