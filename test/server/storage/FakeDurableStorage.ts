import type * as Party from "partykit/server";

type Operation = "put" | "delete" | "get" | "list";

const utf8 = new TextEncoder();

/** A value's size as V8 serializes it: a byte array is stored with the whole buffer it views, and a header. */
function serializedBytes(value: unknown): number {
  if (value instanceof Uint8Array) return value.buffer.byteLength + 12;
  return utf8.encode(JSON.stringify(value)).length;
}

/**
 * A Durable Object's storage as Cloudflare documents it, in memory: it refuses more than
 * 128 keys a call, keys over 2 KiB and values over 128 KiB (serialized), and each call
 * lands whole or not at all. Tests can make calls fail, or "crash" it: from then on nothing
 * more lands, and `restarted()` gives what a new process would find on disk.
 */
export class FakeDurableStorage {
  readonly data = new Map<string, unknown>();
  readonly calls: { operation: Operation; keys: number }[] = [];
  /** Decides, for each call, whether it fails. */
  failWhen: (operation: Operation, call: number) => boolean = () => false;
  private writesLeft = Number.POSITIVE_INFINITY;

  /** After `writes` more puts or deletes land, the process "dies": every later call fails. */
  crashAfter(writes: number): void {
    this.writesLeft = writes;
  }

  get crashed(): boolean {
    return this.writesLeft < 0;
  }

  /** A new storage holding exactly what had landed. */
  restarted(): FakeDurableStorage {
    const fresh = new FakeDurableStorage();
    for (const [key, value] of this.data) fresh.data.set(key, value);
    return fresh;
  }

  asPartyStorage(): Party.Storage {
    return this as unknown as Party.Storage;
  }

  async put(entries: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(entries);
    await this.enter("put", keys);
    for (const [key, value] of Object.entries(entries)) {
      if (serializedBytes(value) > 131_072) throw new Error(`Value for ${key} is larger than 131072 bytes`);
    }
    this.land();
    for (const [key, value] of Object.entries(entries)) this.data.set(key, value);
  }

  async delete(keys: string[]): Promise<number> {
    await this.enter("delete", keys);
    this.land();
    let deleted = 0;
    for (const key of keys) if (this.data.delete(key)) deleted++;
    return deleted;
  }

  async get(keys: string[]): Promise<Map<string, unknown>> {
    await this.enter("get", keys);
    return new Map(keys.filter((key) => this.data.has(key)).map((key) => [key, this.data.get(key)]));
  }

  async list({ prefix = "" }: { prefix?: string } = {}): Promise<Map<string, unknown>> {
    await this.enter("list", []);
    return new Map([...this.data].filter(([key]) => key.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  async sync(): Promise<void> {
    await this.pause();
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 1));
  }

  private async enter(operation: Operation, keys: string[]): Promise<void> {
    await this.pause();
    if (this.crashed) throw new Error("The storage is gone (the process crashed)");
    this.calls.push({ operation, keys: keys.length });
    if (keys.length > 128) throw new Error(`${operation}() takes at most 128 keys, not ${keys.length}`);
    for (const key of keys) {
      if (utf8.encode(key).length > 2048) throw new Error(`Keys cannot be larger than 2048 bytes`);
    }
    if (this.failWhen(operation, this.calls.length)) throw new Error(`${operation}() failed (injected)`);
  }

  private land(): void {
    if (this.writesLeft-- <= 0) throw new Error("The storage is gone (the process crashed)");
  }
}
