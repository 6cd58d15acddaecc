import { cp, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface LevelDb {
  createReadStream(options: object): AsyncIterable<{ key: Buffer; value: Buffer }>;
  close(): Promise<void>;
}

// The `level` that y-leveldb, the reference server's persistence, writes with.
const level = createRequire(join(import.meta.dirname, "../node_modules/@y/websocket-server/src/server.js"))(
  "level",
) as (location: string) => LevelDb;

/**
 * How many keys the reference server's LevelDB holds for a document, and their values' bytes.
 * Read from a copy: the running server holds the database's lock.
 */
export async function levelDbDocument(dataDir: string, docId: string): Promise<{ entries: number; bytes: number }> {
  const copy = await mkdtemp(join(tmpdir(), "cowrite-leveldb-"));
  try {
    await cp(dataDir, copy, { recursive: true });
    const db = level(copy);
    const name = Buffer.from(docId);
    let entries = 0;
    let bytes = 0;
    try {
      for await (const { key, value } of db.createReadStream({ keyEncoding: "binary", valueEncoding: "binary" })) {
        if (!key.includes(name)) continue;
        entries++;
        bytes += value.length;
      }
    } finally {
      await db.close();
    }
    return { entries, bytes };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
