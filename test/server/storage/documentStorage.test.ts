import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { DocumentStorage, NotStoredError } from "../../../party/storage/documentStorage";
import { LimitedStorage } from "../../../party/storage/limitedStorage";
import type { StoragePolicy } from "../../../party/storage/storagePolicy";
import { entryValues, LOG_PREFIX, SET_ASIDE_PREFIX, UPDATE_PREFIX } from "../../../party/storage/storedEntries";
import { encodeUpdateBatch } from "../../../party/storage/updateBatch";
import { FakeDurableStorage } from "./FakeDurableStorage";

const POLICY: StoragePolicy = {
  writeIntervalMs: 5,
  foldAfterEntries: 1_000_000,
  foldAfterUpdates: 1_000_000,
  foldAfterBytes: 1_000_000_000,
  foldIntervalMs: 10,
};

async function open(fake: FakeDurableStorage, policy = POLICY) {
  const { doc, storage } = await DocumentStorage.load(new LimitedStorage(fake.asPartyStorage()), policy, "doc:test");
  storage.attach(doc);
  return { doc, storage };
}

async function storedText(fake: FakeDurableStorage): Promise<string> {
  const { doc } = await DocumentStorage.load(new LimitedStorage(fake.asPartyStorage()), POLICY, "doc:test");
  return doc.getText("body").toString();
}

function type(doc: Y.Doc, text: string): void {
  const body = doc.getText("body");
  body.insert(body.length, text);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => vi.restoreAllMocks());

describe("writing the log", () => {
  it("writes one entry at a time, merging what arrives meanwhile, and every update reaches the disk", async () => {
    const fake = new FakeDurableStorage();
    let writing = 0;
    let mostAtOnce = 0;
    const put = fake.put.bind(fake);
    fake.put = async (entries) => {
      mostAtOnce = Math.max(mostAtOnce, ++writing);
      try {
        await put(entries);
      } finally {
        writing--;
      }
    };
    const { doc, storage } = await open(fake);
    let expected = "";
    for (let keystroke = 0; keystroke < 300; keystroke++) {
      type(doc, `${keystroke % 10}`);
      expected += `${keystroke % 10}`;
      if (keystroke % 3 === 0) await pause(1);
    }
    await storage.flush();
    expect(mostAtOnce).toBe(1);
    // 300 keystrokes over ~100 calls of 1 ms or more: at most one write per 5 ms, plus the flush.
    expect(storage.stats().writes).toBeLessThan(60);
    expect(await storedText(fake)).toBe(expected);
    expect(storage.stats().lagMs.count).toBe(300);
  });

  it("retries a rejected write, and writes made after it still land", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fake = new FakeDurableStorage();
    const { doc, storage } = await open(fake);
    fake.failWhen = (operation) => operation === "put" && storage.stats().failedWrites < 2;
    type(doc, "first ");
    await expect(storage.flush()).rejects.toBeInstanceOf(NotStoredError);
    type(doc, "second");
    await storage.close();
    expect(storage.stats().failedWrites).toBe(2);
    expect(await storedText(fake)).toBe("first second");
  });
});

describe("folding the log into a snapshot", () => {
  it("keeps every call within Cloudflare's limits, for a 17 MB document too", async () => {
    const fake = new FakeDurableStorage();
    const { doc, storage } = await open(fake);
    const large = "x".repeat(17_000_000);
    type(doc, large);
    await storage.flush();
    await storage.fold();
    expect(Math.max(...fake.calls.map((call) => call.keys))).toBeLessThanOrEqual(128);
    expect(await storedText(fake)).toBe(large);
    expect(storage.stats().logEntries).toBe(0);
  });

  it("deletes nothing when writing the new snapshot fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fake = new FakeDurableStorage();
    const { doc, storage } = await open(fake);
    type(doc, "kept");
    await storage.flush();
    const before = new Map(fake.data);
    fake.failWhen = (operation) => operation === "put";
    await expect(storage.fold()).rejects.toThrow(/injected/);
    expect(fake.data).toEqual(before);
    expect(await storedText(fake)).toBe("kept");
  });

  it("loses nothing whichever step a crash cuts a fold short at", async () => {
    async function prepared() {
      const fake = new FakeDurableStorage();
      const first = await open(fake);
      type(first.doc, "a".repeat(300_000));
      await first.storage.flush();
      await first.storage.fold();
      for (const word of ["one ", "two ", "three"]) {
        type(first.doc, word);
        await first.storage.flush();
      }
      return { fake, ...first };
    }
    const expected = `${"a".repeat(300_000)}one two three`;
    // Into one log entry (what came since the snapshot is small), and into a new snapshot.
    for (const full of [false, true]) {
      const dry = await prepared();
      const writesBefore = dry.fake.calls.length;
      await dry.storage.fold(full);
      const foldWrites = dry.fake.calls.slice(writesBefore).filter((call) => call.operation !== "list").length;
      expect(foldWrites).toBeGreaterThan(full ? 2 : 1);

      for (let landed = 0; landed <= foldWrites; landed++) {
        const { fake, storage } = await prepared();
        fake.crashAfter(landed);
        await storage.fold(full).catch(() => {});
        const restarted = fake.restarted();
        expect(await storedText(restarted), `full ${full}: crash after ${landed} writes`).toBe(expected);
        // What a cut-short fold left is removed, not set aside as unreadable.
        expect([...restarted.data.keys()].filter((key) => key.startsWith(SET_ASIDE_PREFIX))).toEqual([]);
      }
    }
  });

  it("folds a long document's small changes into one log entry, and into a snapshot once they grow", async () => {
    const fake = new FakeDurableStorage();
    const { doc, storage } = await open(fake);
    type(doc, "a".repeat(100_000));
    await storage.flush();
    await storage.fold();
    const snapshotKeys = () => [...fake.data.keys()].filter((key) => key.startsWith("snapshot:"));
    const firstSnapshot = snapshotKeys();
    for (const word of ["one ", "two "]) {
      type(doc, word);
      await storage.flush();
    }
    await storage.fold();
    expect(snapshotKeys()).toEqual(firstSnapshot);
    expect(storage.stats().logEntries).toBe(1);

    type(doc, "b".repeat(30_000));
    await storage.flush();
    await storage.fold();
    expect(snapshotKeys()).not.toEqual(firstSnapshot);
    expect(storage.stats().logEntries).toBe(0);
    expect(await storedText(fake.restarted())).toBe(`${"a".repeat(100_000)}one two ${"b".repeat(30_000)}`);
  });

  it("folds while the room stays open, so the stored keys stay under the policy's bound", async () => {
    const fake = new FakeDurableStorage();
    const policy = { ...POLICY, writeIntervalMs: 2, foldAfterEntries: 10, foldIntervalMs: 20 };
    const { doc, storage } = await open(fake, policy);
    const bound = policy.foldAfterEntries + Math.ceil(policy.foldIntervalMs / policy.writeIntervalMs) + 1 + 1;
    let mostKeys = 0;
    for (let keystroke = 0; keystroke < 400; keystroke++) {
      type(doc, "k");
      await pause(1);
      mostKeys = Math.max(mostKeys, fake.data.size);
    }
    await storage.flush();
    expect(storage.stats().folds).toBeGreaterThan(3);
    expect(mostKeys).toBeLessThanOrEqual(bound);
    expect(await storedText(fake)).toBe("k".repeat(400));
  });
});

describe("loading", () => {
  it("loads a log of 160,001 entries as older versions wrote them", async () => {
    const fake = new FakeDurableStorage();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    for (let keystroke = 0; keystroke < 1000; keystroke++) type(doc, "z");
    // Written again and again, as a log that was never folded holds the same kind of entries.
    for (let entry = 0; entry < 160_001; entry++) {
      const values = entryValues(UPDATE_PREFIX, entry, updates[entry % updates.length] as Uint8Array);
      for (const [key, value] of Object.entries(values)) fake.data.set(key, value);
    }
    const loaded = await open(fake);
    expect(loaded.doc.getText("body").length).toBe(1000);
    type(loaded.doc, "!");
    await loaded.storage.flush();
    expect(fake.data.has("log:0000000000:0000/0001")).toBe(true);
    loaded.storage.stop();
  }, 60_000);

  it("sets an unreadable entry aside, says which, removes one cut short, and loads the rest", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    const fake = new FakeDurableStorage();
    const { doc, storage } = await open(fake);
    for (const word of ["one ", "two ", "three"]) {
      type(doc, word);
      await storage.flush();
    }
    storage.stop();
    const garbage = new Uint8Array([255, 255, 255, 7, 1, 2, 3]);
    fake.data.set("log:0000000003:0000/0001", garbage);
    // An entry whose write was cut short: one of its two chunks.
    fake.data.set("log:0000000004:0000/0002", new Uint8Array([0, 0]));

    expect(await storedText(fake)).toBe("one two three");
    expect(fake.data.get(`${SET_ASIDE_PREFIX}log:0000000003:0000/0001`)).toEqual(garbage);
    expect(fake.data.has("log:0000000003:0000/0001")).toBe(false);
    expect(fake.data.has("log:0000000004:0000/0002")).toBe(false);
    expect(fake.data.has(`${SET_ASIDE_PREFIX}log:0000000004:0000/0002`)).toBe(false);
    expect(errors.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(/log:0000000003/);
    expect(errors.mock.calls.map((call) => String(call[0])).join("\n")).not.toMatch(/log:0000000004/);
    expect(warnings.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(/log:0000000004.*cut short/);
  });

  it("numbers entries past ten digits when the log has got that far", async () => {
    const fake = new FakeDurableStorage();
    const earlier = new Y.Doc();
    type(earlier, "far along, ");
    for (const [key, value] of Object.entries(
      entryValues(LOG_PREFIX, 9_999_999_999, encodeUpdateBatch([Y.encodeStateAsUpdate(earlier)])),
    )) {
      fake.data.set(key, value);
    }
    const { doc, storage } = await open(fake);
    type(doc, "and further");
    await storage.flush();
    storage.stop();
    expect(fake.data.has("log:10000000000:0000/0001")).toBe(true);
    expect(await storedText(fake)).toBe("far along, and further");
  });

  it("reads entries written before chunk counts were in the keys", async () => {
    const fake = new FakeDurableStorage();
    const old = new Y.Doc();
    type(old, "from the snapshot, ");
    fake.data.set("snapshot:0000000000:0000", Y.encodeStateAsUpdate(old));
    const vector = Y.encodeStateVector(old);
    type(old, "and from the log");
    fake.data.set("update:0000000000:0000", Y.encodeStateAsUpdate(old, vector));
    expect(await storedText(fake)).toBe("from the snapshot, and from the log");
  });
});
