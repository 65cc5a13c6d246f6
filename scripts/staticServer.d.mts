// Types for staticServer.mjs, so TypeScript callers (bench, tests) use it checked.
export interface StaticServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}
export function resolveInside(root: string, urlPath: string): string | null;
export function startStaticServer(dir: string, port?: number, options?: { fallback?: boolean }): Promise<StaticServer>;
