import { randomBytes } from "node:crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/** Files a backend keeps in its state folder besides the engine's data. */
const ADMIN_KEY_FILE = "admin-key";
const SERVER_FILE = "server.json";

/** The record a running backend writes so that CLI commands can reach it. */
export type ServerRecord = {
  url: string;
  siteUrl: string;
  pid: number;
  startedAt: string;
};

/**
 * Returns the admin key stored in `<stateDir>/admin-key`, creating a random
 * one (readable by the owner only) when the file does not exist yet.
 */
export function loadOrCreateAdminKey(stateDir: string): string {
  const stored = readAdminKey(stateDir);
  if (stored !== undefined) {
    return stored;
  }
  mkdirSync(stateDir, { recursive: true });
  // No ":" in the key, because "Convex <key>:<identity>" marks impersonation.
  const adminKey = `convex-local|${randomBytes(32).toString("hex")}`;
  writeFileSync(path.join(stateDir, ADMIN_KEY_FILE), `${adminKey}\n`, {
    mode: 0o600,
  });
  return adminKey;
}

/** Reads `<stateDir>/admin-key`, or returns undefined when there is none. */
export function readAdminKey(stateDir: string): string | undefined {
  const file = path.join(stateDir, ADMIN_KEY_FILE);
  if (!existsSync(file)) {
    return undefined;
  }
  const adminKey = readFileSync(file, "utf8").trim();
  return adminKey === "" ? undefined : adminKey;
}

/** Records the running backend in `<stateDir>/server.json`. */
export function writeServerRecord(stateDir: string, record: ServerRecord) {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(
    path.join(stateDir, SERVER_FILE),
    `${JSON.stringify(record, null, 2)}\n`,
  );
}

/**
 * Writes `<stateDir>/server.json` for `record` unless a live backend is
 * recorded there, whose record it then returns without writing. The file
 * is created exclusively, so of two backends that start on one folder at
 * once only one claims it. A record of a process that is gone is replaced.
 */
export function claimServerRecord(
  stateDir: string,
  record: ServerRecord,
): ServerRecord | undefined {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, SERVER_FILE);
  // Linking a complete file into place is atomic, so no reader sees the
  // record half written and takes it for a stale one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${JSON.stringify(record, null, 2)}\n`);
  try {
    for (;;) {
      try {
        linkSync(draft, file);
        return undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const running = readLiveServerRecord(stateDir);
      if (running !== undefined) return running;
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Removes `<stateDir>/server.json` if it still names process `pid`. */
export function removeServerRecord(stateDir: string, pid: number) {
  if (readServerRecord(stateDir)?.pid === pid) {
    rmSync(path.join(stateDir, SERVER_FILE), { force: true });
  }
}

/**
 * Returns the backend recorded in `<stateDir>/server.json` when its process
 * is still alive. A record left by a killed process counts as none.
 */
export function readLiveServerRecord(
  stateDir: string,
): ServerRecord | undefined {
  const record = readServerRecord(stateDir);
  if (record === undefined || !isProcessAlive(record.pid)) {
    return undefined;
  }
  return record;
}

function readServerRecord(stateDir: string): ServerRecord | undefined {
  const file = path.join(stateDir, SERVER_FILE);
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as ServerRecord;
    return typeof record.url === "string" && Number.isInteger(record.pid)
      ? record
      : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
