export declare const root: string;
export declare const ports: {
  api: number;
  site: number;
  admin: number;
  intake: number;
};
export declare const urls: {
  api: string;
  site: string;
  admin: string;
  intake: string;
};
export declare const demo: {
  email: string;
  password: string;
  formSlug: string;
};
export declare function startBackend(options: {
  stateDir: string;
}): Promise<void>;
export declare function startApps(command: "dev" | "start"): Promise<void>;
export declare function stopChildren(): Promise<void>;
export declare function stateDirFor(name: string): string;
export declare const childEnv: NodeJS.ProcessEnv;
/** Runs the convex-local CLI against the stack's backend; resolves to stdout. */
export declare function runCli(
  args: string[],
  stateDir: string,
): Promise<string>;
/** Calls `listener` when a child exits before `stopChildren` was called. */
export declare function onUnexpectedExit(
  listener: (name: string, status: string) => void,
): void;
