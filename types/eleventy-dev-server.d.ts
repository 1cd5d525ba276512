// @11ty/eleventy-dev-server ships no type declarations; this covers only what the project calls.
declare module '@11ty/eleventy-dev-server' {
  export interface DevServerOptions {
    pathPrefix?: string;
    portReassignmentRetryCount?: number;
    domDiff?: boolean;
    showVersion?: boolean;
    liveReload?: boolean;
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    reload(event: { files: string[]; subtype: string | undefined; build: object }): void;
    close(): Promise<void>;
  }
}
