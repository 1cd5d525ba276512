// Eleventy 3.1 ships no type declarations; this covers only what the project calls.
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'serve' | 'watch';
    config?: (eleventyConfig: UserConfig) => void;
  }
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    /** What addGlobalData has registered so far, by name. */
    globalData: Record<string, unknown>;
    addExtension(extensions: string[], options: { key: string }): void;
    addTemplateFormats(formats: string | string[]): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addPlugin(plugin: unknown, options?: unknown): void | Promise<void>;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    setServerOptions(options: Record<string, unknown>): void;
    setWatchThrottleWaitTime(milliseconds: number): void;
    setQuietMode(quiet: boolean): void;
    on(event: string, callback: (...args: never[]) => unknown): void;
    ignores: { add(glob: string): void };
    watchIgnores: { add(glob: string): void };
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    setIsVerbose(verbose: boolean): void;
    /** Eleventy's ConsoleLogger; `overrideLogger` replaces the console it prints to. */
    readonly logger: {
      overrideLogger(logger: Pick<Console, 'log' | 'warn' | 'error'> | false): void;
    };
  }
}
