import type * as Party from "partykit/server";

/**
 * What one call to a Durable Object's storage may hold, as Cloudflare documents it.
 * `partykit dev` takes more, so these are enforced here, where both runtimes pass.
 */
export const STORAGE_LIMITS = {
  keysPerCall: 128,
  keyBytes: 2048,
  valueBytes: 131_072,
} as const;

// A value is stored as its structured-clone serialization, whose header adds a few bytes
// to a byte array's length.
const SERIALIZED_OVERHEAD_BYTES = 64;

/** The most bytes of a byte array that fit in one stored value. */
export const MAX_VALUE_BYTES = STORAGE_LIMITS.valueBytes - SERIALIZED_OVERHEAD_BYTES;

export class StorageLimitError extends Error {}

/** Keys in groups that one call takes, or smaller ones. */
export function inBatches(keys: readonly string[], size: number = STORAGE_LIMITS.keysPerCall): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < keys.length; start += size) batches.push(keys.slice(start, start + size));
  return batches;
}

const utf8 = new TextEncoder();

function checkKeys(keys: readonly string[]): void {
  if (keys.length > STORAGE_LIMITS.keysPerCall) {
    throw new StorageLimitError(`${keys.length} keys in one call; storage takes at most ${STORAGE_LIMITS.keysPerCall}`);
  }
  for (const key of keys) {
    if (utf8.encode(key).length > STORAGE_LIMITS.keyBytes) {
      throw new StorageLimitError(`A key of over ${STORAGE_LIMITS.keyBytes} bytes: ${key.slice(0, 40)}...`);
    }
  }
}

/**
 * The room's storage, holding byte arrays, refusing what Cloudflare refuses. Writes do
 * not hold back the room's outgoing messages (Cloudflare's output gate): the edits they
 * carry have already been relayed; `sync` says when they are on disk.
 */
export class LimitedStorage {
  constructor(private readonly storage: Party.Storage) {}

  /** Writes up to 128 values at once: they land together or not at all. */
  async put(entries: Record<string, unknown>): Promise<void> {
    checkKeys(Object.keys(entries));
    for (const [key, value] of Object.entries(entries)) {
      // A view is stored with the whole buffer behind it.
      if (value instanceof Uint8Array && value.buffer.byteLength > MAX_VALUE_BYTES) {
        throw new StorageLimitError(
          `${key} holds ${value.buffer.byteLength} bytes; a value takes at most ${MAX_VALUE_BYTES}`,
        );
      }
    }
    await this.storage.put(entries, { allowUnconfirmed: true });
  }

  async delete(keys: string[]): Promise<void> {
    checkKeys(keys);
    await this.storage.delete(keys, { allowUnconfirmed: true });
  }

  get(keys: string[]): Promise<Map<string, unknown>> {
    checkKeys(keys);
    return this.storage.get(keys);
  }

  list(prefix: string): Promise<Map<string, unknown>> {
    return this.storage.list({ prefix });
  }

  /** Resolves once every write made so far is on disk. */
  async sync(): Promise<void> {
    await this.storage.sync();
  }
}
