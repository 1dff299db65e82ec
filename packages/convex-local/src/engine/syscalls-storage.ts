import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { decodeId, encodeId, newInternalId } from "../ids";
import type { TableInfo } from "../storage/catalog";
import type { Document } from "../storage/document-store";
import { Transaction } from "../transactions/transaction";
import { realPreciseNow } from "../runtime/global";
import type { ExecContext } from "./execution";
import type { Executor } from "./executor";
import { uploadTokensFor } from "./upload-tokens";

type Args = Record<string, unknown>;

function storageTable(executor: Executor, namespace: string): TableInfo {
  return executor.catalog.ensureTable(namespace, "_storage");
}

/** Reads a `_storage` document in the caller's transaction, or at latest. */
function readStorageDoc(
  executor: Executor,
  context: ExecContext,
  storageId: unknown,
): Document | null {
  if (typeof storageId !== "string" || !decodeId(storageId)) return null;
  const table = storageTable(executor, context.component.node.path);
  if (decodeId(storageId)!.tableNumber !== table.number) return null;
  const tx =
    context.tx ??
    new Transaction(
      executor.store,
      executor.catalog,
      executor.store.latestTs(),
      realPreciseNow(),
    );
  return tx.get(table, storageId);
}

/** Returns the file path of a stored blob, which is named by its storage ID. */
export function storageFilePath(storageDir: string, storageId: string): string {
  return path.join(storageDir, storageId);
}

/**
 * Stores a blob as a file and a `_storage` document in `namespace`;
 * returns the storage ID.
 */
export async function storeBlob(
  executor: Executor,
  namespace: string,
  bytes: Uint8Array,
  contentType: string | null,
): Promise<string> {
  const table = storageTable(executor, namespace);
  const storageId = encodeId(table.number, newInternalId());
  await mkdir(executor.options.storageDir, { recursive: true });
  await writeFile(
    storageFilePath(executor.options.storageDir, storageId),
    bytes,
  );
  const sha256 = createHash("sha256").update(bytes).digest("base64");
  await executor.runSystemMutation(namespace, (tx) => {
    const doc: Document = {
      _id: storageId,
      _creationTime: tx.takeCreationTime(),
      sha256,
      size: bytes.byteLength,
      ...(contentType ? { contentType } : {}),
    };
    tx.insert(table, doc);
  });
  return storageId;
}

/** Reads a stored blob's bytes and content type, or null. */
export async function readBlob(
  executor: Executor,
  namespace: string,
  storageId: string,
): Promise<{ bytes: Buffer; contentType: string | null } | null> {
  const table = storageTable(executor, namespace);
  const decoded = decodeId(storageId);
  if (!decoded || decoded.tableNumber !== table.number) return null;
  const doc = executor.store.get(
    table.tableId,
    storageId,
    executor.store.latestTs(),
  );
  if (!doc) return null;
  const bytes = await readFile(
    storageFilePath(executor.options.storageDir, storageId),
  );
  return {
    bytes,
    contentType: (doc.contentType as string | undefined) ?? null,
  };
}

/** Handles the storage syscalls; returns undefined if `op` is not one. */
export async function storageSyscall(
  executor: Executor,
  context: ExecContext,
  op: string,
  args: Args,
): Promise<{ value: unknown } | undefined> {
  const namespace = context.component.node.path;
  switch (op) {
    case "1.0/storageGetUrl": {
      const doc = readStorageDoc(executor, context, args.storageId);
      if (!doc) return { value: null };
      return {
        value: `${executor.options.cloudUrl}/api/storage/${String(args.storageId)}`,
      };
    }
    case "1.0/storageGetMetadata": {
      const doc = readStorageDoc(executor, context, args.storageId);
      if (!doc) return { value: null };
      return {
        value: {
          storageId: doc._id,
          sha256: doc.sha256,
          size: Number(doc.size),
          contentType: doc.contentType ?? null,
        },
      };
    }
    case "1.0/storageGenerateUploadUrl": {
      // NOTE: tokens live in memory, so a restart invalidates the upload
      // URLs handed out before it.
      const token = uploadTokensFor(executor).issue(namespace);
      return {
        value: `${executor.options.cloudUrl}/api/storage/upload?token=${token}`,
      };
    }
    case "1.0/storageDelete": {
      const remove = (tx: Transaction) => {
        const table = storageTable(executor, namespace);
        const id = args.storageId as string;
        if (!tx.get(table, id)) throw new Error(`Storage ID "${id}" not found`);
        tx.update(table, id, null);
      };
      // NOTE: the file itself stays on disk after its document is deleted.
      if (context.tx && context.fn.kind === "mutation") remove(context.tx);
      else await executor.runSystemMutation(namespace, remove);
      return { value: null };
    }
    case "1.0/storageStore": {
      const bytes = Buffer.from(args.blob as string, "base64");
      return {
        value: await storeBlob(
          executor,
          namespace,
          bytes,
          (args.contentType as string | null) ?? null,
        ),
      };
    }
    case "1.0/storageGet": {
      const blob = await readBlob(
        executor,
        namespace,
        args.storageId as string,
      );
      if (!blob) return { value: null };
      return {
        value: {
          blob: blob.bytes.toString("base64"),
          contentType: blob.contentType,
        },
      };
    }
    default:
      return undefined;
  }
}

/** Handles the JS syscalls, which pass `Blob` objects directly. */
export function storageJsSyscall(
  executor: Executor,
  context: ExecContext,
  op: string,
  args: Args,
): unknown {
  const namespace = context.component.node.path;
  switch (op) {
    case "storage/storeBlob":
      return (async () => {
        const blob = args.blob as Blob;
        const bytes = new Uint8Array(await blob.arrayBuffer());
        return storeBlob(executor, namespace, bytes, blob.type || null);
      })();
    case "storage/getBlob":
      return (async () => {
        const blob = await readBlob(
          executor,
          namespace,
          args.storageId as string,
        );
        if (!blob) return null;
        return new Blob(
          [new Uint8Array(blob.bytes)],
          blob.contentType ? { type: blob.contentType } : {},
        );
      })();
    default:
      throw new Error(`Unknown JS syscall ${op}`);
  }
}
