import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { afterEach, expect, test } from "vitest";
import { decodeTs } from "../../src/sync/timestamp";
import { startCrashServer } from "./crash-process";
import { startTestEngine, type TestEngine } from "./helpers";

const ACCOUNTS = ["a", "b", "c", "d"];
const OPENING_BALANCE = 1000;
const CLIENTS = 8;
/** Acknowledged transfers after which the server is killed. */
const KILL_AFTER = 120;
/** Acknowledged inserts and deletions after which the server is killed. */
const KILL_AFTER_WRITES = 150;

type Audit = {
  accounts: { name: string; balance: number }[];
  ledger: { sequence: number; from: string; to: string; amount: number }[];
};

let stateDir: string;
let t: TestEngine | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(stateDir, { recursive: true, force: true });
});

/** Reads the latest commit timestamp through the HTTP API. */
async function latestServerTs(url: string): Promise<bigint> {
  const response = await fetch(`${url}/api/query_ts`, { method: "POST" });
  const body = (await response.json()) as { ts: string };
  return decodeTs(body.ts);
}

/** Picks two different accounts and an amount from `sequence`. */
function transferFor(sequence: number) {
  const from = ACCOUNTS[sequence % ACCOUNTS.length]!;
  const to = ACCOUNTS[(sequence * 7 + 1) % ACCOUNTS.length]!;
  const other = ACCOUNTS[(ACCOUNTS.indexOf(from) + 1) % ACCOUNTS.length]!;
  return {
    sequence,
    from,
    to: to === from ? other : to,
    amount: (sequence % 50) + 1,
  };
}

test("kill -9 keeps transfers atomic and acknowledged", async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-crash-"));
  const server = startCrashServer("basic-app", stateDir);
  const url = await server.url;
  const admin = new ConvexHttpClient(url);
  await admin.mutation(anyApi.accounts!.open!, {
    names: ACCOUNTS,
    balance: OPENING_BALANCE,
  });

  // Clients send transfers one at a time each, until the server dies.
  const acknowledged = new Set<number>();
  const sent = new Set<number>();
  let nextSequence = 0;
  let killed = false;
  let beforeKillTs = 0n;
  const client = async () => {
    const http = new ConvexHttpClient(url);
    while (!killed) {
      const sequence = nextSequence++;
      sent.add(sequence);
      try {
        await http.mutation(anyApi.accounts!.transfer!, transferFor(sequence));
      } catch {
        return;
      }
      acknowledged.add(sequence);
      if (acknowledged.size >= KILL_AFTER && !killed) {
        killed = true;
        // The other clients keep sending while the timestamp is read.
        beforeKillTs = await latestServerTs(url);
        server.child.kill("SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  await server.exited;
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
  // Calls were still in flight when the server died.
  expect(sent.size).toBeGreaterThan(acknowledged.size);

  t = await startTestEngine("basic-app", { stateDir });
  const restartTs = t.engine.latestTs();
  expect(restartTs >= beforeKillTs).toBe(true);
  const audit = (await t.query("accounts:audit")) as Audit;

  const sequences = audit.ledger.map((row) => row.sequence);
  expect(new Set(sequences).size).toBe(sequences.length);
  for (const sequence of acknowledged) {
    expect(sequences.includes(sequence), `transfer ${sequence}`).toBe(true);
  }
  for (const sequence of sequences) {
    expect(sent.has(sequence), `transfer ${sequence} was sent`).toBe(true);
  }

  // Balances match the ledger, so no transfer is half-applied.
  const expected = new Map(ACCOUNTS.map((name) => [name, OPENING_BALANCE]));
  for (const row of audit.ledger) {
    expected.set(row.from, expected.get(row.from)! - row.amount);
    expected.set(row.to, expected.get(row.to)! + row.amount);
  }
  const total = audit.accounts.reduce((sum, row) => sum + row.balance, 0);
  expect(total).toBe(ACCOUNTS.length * OPENING_BALANCE);
  for (const account of audit.accounts) {
    expect(account.balance, account.name).toBe(expected.get(account.name));
  }

  const after = await t.engine.runMutation({
    path: "accounts:transfer",
    args: { sequence: -1, from: "a", to: "b", amount: 1 },
    caller: { kind: "admin" },
  });
  expect(after.ok).toBe(true);
  expect(after.ts > restartTs).toBe(true);
});

/**
 * Builds the body of message `sequence`: non-ASCII text, JSON-looking
 * text, and every tenth one near 200 KB, so batches mix small and large
 * rows.
 */
function bodyFor(sequence: number): string {
  const text = `${sequence}: ünïcödé 漢字 😀 "quoted" \\ {"json": [1, 2]} \u2028`;
  return sequence % 10 === 0 ? text + "x".repeat(200_000) : text;
}

test("kill -9 keeps mixed writes and deletions", async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-crash-"));
  const server = startCrashServer("basic-app", stateDir);
  const url = await server.url;

  // Each client inserts messages and deletes every third one it inserted.
  const inserted = new Map<number, string>();
  const deleted = new Set<number>();
  const sentInserts = new Set<number>();
  const sentDeletes = new Set<number>();
  let acknowledgedWrites = 0;
  let nextSequence = 0;
  let killed = false;
  let beforeKillTs = 0n;
  const killWhenDue = async () => {
    if (acknowledgedWrites < KILL_AFTER_WRITES || killed) return;
    killed = true;
    beforeKillTs = await latestServerTs(url);
    server.child.kill("SIGKILL");
  };
  const client = async () => {
    const http = new ConvexHttpClient(url);
    while (!killed) {
      const sequence = nextSequence++;
      sentInserts.add(sequence);
      let id: string;
      try {
        id = (await http.mutation(anyApi.messages!.send!, {
          author: "crash",
          body: bodyFor(sequence),
        })) as string;
      } catch {
        return;
      }
      inserted.set(sequence, id);
      acknowledgedWrites += 1;
      await killWhenDue();
      if (sequence % 3 !== 0 || killed) continue;
      sentDeletes.add(sequence);
      try {
        await http.mutation(anyApi.messages!.remove!, { id });
      } catch {
        return;
      }
      deleted.add(sequence);
      acknowledgedWrites += 1;
      await killWhenDue();
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  await server.exited;
  expect(acknowledgedWrites).toBeGreaterThanOrEqual(KILL_AFTER_WRITES);

  t = await startTestEngine("basic-app", { stateDir });
  const restartTs = t.engine.latestTs();
  expect(restartTs >= beforeKillTs).toBe(true);
  const rows = (await t.query("messages:byAuthor", { author: "crash" })) as {
    _id: string;
    body: string;
  }[];
  const bySequence = new Map<number, { _id: string; body: string }>();
  for (const row of rows) {
    const sequence = Number(row.body.slice(0, row.body.indexOf(":")));
    expect(bySequence.has(sequence), `message ${sequence} is unique`).toBe(
      false,
    );
    bySequence.set(sequence, row);
    expect(sentInserts.has(sequence), `message ${sequence} was sent`).toBe(
      true,
    );
    // A message that survived is whole.
    expect(row.body, `body of message ${sequence}`).toBe(bodyFor(sequence));
  }
  for (const [sequence, id] of inserted) {
    const row = bySequence.get(sequence);
    if (deleted.has(sequence)) {
      expect(row, `deleted message ${sequence}`).toBeUndefined();
    } else if (!sentDeletes.has(sequence)) {
      expect(row?._id, `message ${sequence}`).toBe(id);
    }
  }

  // New commits follow the ones recovered.
  const after = await t.engine.runMutation({
    path: "messages:send",
    args: { author: "crash", body: "after restart" },
    caller: { kind: "admin" },
  });
  expect(after.ok).toBe(true);
  expect(after.ts > restartTs).toBe(true);
});
