import type { CommitRows } from "./staged-writes";

/**
 * Packs a batch of commit rows into one buffer for the commit worker, so
 * the batch crosses threads as a transferred buffer instead of a cloned
 * object graph. commit-worker.mjs reads it back; the layout is:
 *
 *   u32 commits, then per commit:
 *     u32 documents, then per document:
 *       u32 tableId, str id, i64 ts, u8 hasJson, [str json]
 *     u32 entries, then per entry:
 *       u32 indexId, bytes key, i64 ts, str id, u8 deleted
 *
 * where `str` and `bytes` are a u32 byte length and the bytes (UTF-8 for
 * strings), and integers are little-endian.
 */
export function encodeBatch(commits: CommitRows[]): Uint8Array<ArrayBuffer> {
  const writer = new BufferWriter();
  writer.u32(commits.length);
  for (const { documents, entries } of commits) {
    writer.u32(documents.length);
    for (const row of documents) {
      writer.u32(row.tableId);
      writer.string(row.id);
      writer.i64(row.ts);
      if (row.json === null) {
        writer.u8(0);
      } else {
        writer.u8(1);
        writer.string(row.json);
      }
    }
    writer.u32(entries.length);
    for (const row of entries) {
      writer.u32(row.indexId);
      writer.bytes(row.key);
      writer.i64(row.ts);
      writer.string(row.id);
      writer.u8(row.deleted ? 1 : 0);
    }
  }
  return writer.finish();
}

class BufferWriter {
  private memory = new ArrayBuffer(4096);
  private buffer = Buffer.from(this.memory);
  private offset = 0;

  private reserve(bytes: number) {
    if (this.offset + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.offset + bytes) size *= 2;
    const memory = new ArrayBuffer(size);
    const grown = Buffer.from(memory);
    this.buffer.copy(grown, 0, 0, this.offset);
    this.memory = memory;
    this.buffer = grown;
  }

  u8(value: number) {
    this.reserve(1);
    this.buffer[this.offset] = value;
    this.offset += 1;
  }

  u32(value: number) {
    this.reserve(4);
    this.buffer.writeUInt32LE(value, this.offset);
    this.offset += 4;
  }

  i64(value: bigint) {
    this.reserve(8);
    this.buffer.writeBigInt64LE(value, this.offset);
    this.offset += 8;
  }

  string(value: string) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.reserve(4 + value.length * 3);
    const length = this.buffer.write(value, this.offset + 4, "utf8");
    this.buffer.writeUInt32LE(length, this.offset);
    this.offset += 4 + length;
  }

  bytes(value: Uint8Array) {
    this.reserve(4 + value.length);
    this.buffer.writeUInt32LE(value.length, this.offset);
    this.buffer.set(value, this.offset + 4);
    this.offset += 4 + value.length;
  }

  /** Returns the written bytes, over an ArrayBuffer of their own. */
  finish(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.memory, 0, this.offset);
  }
}
