import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { AuthorTable, KEYLESS_WRITER, MAX_CLIENTS_PER_WRITER, RESEND_GRACE_MS } from "../../party/history/authorTable";
import { ChangeAuthor } from "../../party/history/changeAuthor";
import {
  DocumentHistory,
  MAX_AUTHORS_PER_VERSION,
  MAX_NAMED_VERSIONS,
  VersionRefused,
} from "../../party/history/documentHistory";
import { DEFAULT_HISTORY_POLICY } from "../../party/history/historyPolicy";
import type { Author } from "../../party/shared/history";
import { LimitedStorage } from "../../party/storage/limitedStorage";
import { FakeDurableStorage } from "./storage/FakeDurableStorage";

function author(name: string): Author {
  return { key: `api:${name}`, name, color: null, role: null };
}

function historyOn(fake: FakeDurableStorage, policy = DEFAULT_HISTORY_POLICY): DocumentHistory {
  return new DocumentHistory(new LimitedStorage(fake.asPartyStorage()), policy, "doc:test");
}

/** A change to `doc` made for `by` (one request's, unless `origin` says whose), as the HTTP API makes one: with a client id of its own. */
function write(doc: Y.Doc, by: Author, text: string, origin = new ChangeAuthor(by)): void {
  const draft = new Y.Doc();
  Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(draft);
  draft.getText("body").insert(0, text);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(draft, before), origin);
}

describe("a document's history", () => {
  it("credits each client id to whoever first wrote with it, and keeps that across a restart", async () => {
    const fake = new FakeDurableStorage();
    const history = historyOn(fake);
    const doc = new Y.Doc();
    history.attach(doc);
    write(doc, author("Ann"), "a");
    const version = await history.save(doc, null);
    expect(version.authors.map(({ name }) => name)).toEqual(["Ann"]);
    await expect.poll(async () => (await historyOn(fake.restarted()).authors()).size).toBe(1);
  });

  it("gives back the newest version for a save that would change nothing, naming it if it had no name", async () => {
    const history = historyOn(new FakeDurableStorage());
    const doc = new Y.Doc();
    history.attach(doc);
    write(doc, author("Ann"), "a");
    const first = await history.save(doc, null);
    expect(await history.save(doc, null)).toEqual(first);
    expect(await history.save(doc, "Named")).toEqual({ ...first, name: "Named" });
    expect(await history.list()).toHaveLength(1);
  });

  it(`keeps at most ${MAX_NAMED_VERSIONS} named versions, and lists at most ${MAX_AUTHORS_PER_VERSION} authors a version`, async () => {
    const history = historyOn(new FakeDurableStorage());
    const doc = new Y.Doc();
    history.attach(doc);
    for (let writer = 0; writer < MAX_AUTHORS_PER_VERSION + 5; writer++) write(doc, author(`Writer ${writer}`), "x");
    expect((await history.save(doc, "0")).authors).toHaveLength(MAX_AUTHORS_PER_VERSION);
    for (let named = 1; named < MAX_NAMED_VERSIONS; named++) {
      write(doc, author("Ann"), "y");
      await history.save(doc, String(named));
    }
    write(doc, author("Ann"), "z");
    await expect(history.save(doc, "One too many")).rejects.toBeInstanceOf(VersionRefused);
    expect((await history.save(doc, null)).name).toBeNull();
  });

  it("credits each request's change on its own, under the server's own client ids", async () => {
    const fake = new FakeDurableStorage();
    const history = historyOn(fake);
    const doc = new Y.Doc();
    history.attach(doc);
    for (let request = 0; request < 70; request++) write(doc, author("Script"), "s");
    await history.save(doc, null);
    const credited = async () => [...(await historyOn(fake.restarted()).authors()).values()];
    await expect.poll(async () => (await credited()).length).toBe(70);
  });

  it("tells an unchanged save after a restart, and a restore that changes nothing renames nothing", async () => {
    const fake = new FakeDurableStorage();
    const doc = new Y.Doc();
    const before = historyOn(fake);
    before.attach(doc);
    write(doc, author("Ann"), "a");
    const first = await before.save(doc, null);
    const after = historyOn(fake.restarted());
    after.attach(doc);
    expect(await after.save(doc, null)).toEqual(first);
    expect(await after.save(doc, "Restored from something", first.id)).toEqual(first);
    expect(await after.list()).toEqual([first]);
  });
});

describe("pruned versions", () => {
  afterEach(() => vi.useRealTimers());

  it("have their values removed after the index that drops them, and again at the next save if that failed", async () => {
    const day = 24 * 60 * 60_000;
    vi.useFakeTimers({ now: 10 * day, toFake: ["Date"] });
    const fake = new FakeDurableStorage();
    const history = historyOn(fake);
    const doc = new Y.Doc();
    history.attach(doc);
    const versionKeys = () => [...fake.data.keys()].filter((key) => key.startsWith("version:")).length;
    for (const text of ["a", "b"]) {
      write(doc, author("Ann"), text);
      await history.save(doc, null);
      vi.setSystemTime(Date.now() + 60_000);
    }
    // Two days on, the two saved a minute apart are thinned out to one.
    vi.setSystemTime(12 * day);
    fake.failWhen = (operation) => operation === "delete";
    write(doc, author("Ann"), "c");
    await history.save(doc, null);
    expect((await history.list()).length).toBe(2);
    expect(versionKeys()).toBe(3);
    fake.failWhen = () => false;
    write(doc, author("Ann"), "d");
    await history.save(doc, null);
    expect((await history.list()).length).toBe(3);
    expect(versionKeys()).toBe(3);
  });
});

describe("a version due with nobody connected", () => {
  afterEach(() => vi.useRealTimers());

  it("is saved when the interval ends, or by the room's next session after a restart, listing who changed it", async () => {
    const policy = { autoVersionIntervalMs: 50 };
    vi.useFakeTimers({ toFake: ["Date"] });
    const fake = new FakeDurableStorage();
    const history = historyOn(fake, policy);
    const doc = new Y.Doc();
    history.attach(doc);
    let saved = () => {};
    const dueSaved = new Promise<void>((resolve) => (saved = resolve));
    history.onDue(() => history.saveIfPending(doc).then(saved));
    write(doc, author("Ann"), "a");
    const first = await history.save(doc, null);
    write(doc, author("Bob"), "b");
    await history.sessionEnding(doc, false);
    expect(await history.list()).toEqual([first]);
    await dueSaved;
    expect(await history.list()).toHaveLength(2);
    expect((await history.list())[0]?.authors.map(({ name }) => name)).toEqual(["Bob"]);

    // Evicted before it was due: the next session of the room, once due, saves it.
    write(doc, author("Cy"), "c");
    await history.sessionEnding(doc, false);
    const restarted = historyOn(fake.restarted(), policy);
    vi.setSystemTime(Date.now() + policy.autoVersionIntervalMs);
    await restarted.sessionEnding(doc, false);
    const [newest] = await restarted.list();
    expect(newest?.authors.map(({ name }) => name)).toEqual(["Cy"]);
    // Once saved, nothing more is due.
    await restarted.sessionEnding(doc, false);
    expect(await restarted.list()).toHaveLength(3);
  });
});

describe("the author table", () => {
  const ann = author("Ann");

  afterEach(() => vi.useRealTimers());

  /** The table as a room reads it; `settled`: once the grace for changes resent after a start is over. */
  async function tableOn(fake: FakeDurableStorage, settled = true): Promise<AuthorTable> {
    vi.useFakeTimers({ toFake: ["Date"] });
    const table = new AuthorTable(new LimitedStorage(fake.asPartyStorage()));
    await table.load();
    if (settled) vi.setSystemTime(Date.now() + RESEND_GRACE_MS);
    return table;
  }

  it("keeps each client id for the writer who first wrote under it, across a restart", async () => {
    const fake = new FakeDurableStorage();
    const table = await tableOn(fake);
    const annTab = {};
    expect(table.claim(annTab, "ann-hash", [1])).toBeNull();
    await table.credit([1], ann);
    // Another tab, or a later visit, of the same browser goes on under the same id.
    expect(table.claim({}, "ann-hash", [1])).toBeNull();
    const restarted = await tableOn(fake.restarted());
    expect(restarted.claim({}, "mallory-hash", [1])).toMatch(/belongs to another writer/);
    expect(restarted.claim({}, KEYLESS_WRITER, [1])).toMatch(/belongs to another writer/);
    expect(restarted.claim({}, "ann-hash", [1, 2])).toBeNull();
    // Just after a start, another's copy may send what a crash lost; it stays the owner's.
    const justStarted = await tableOn(fake.restarted(), false);
    expect(justStarted.claim({}, "bob-hash", [1])).toBeNull();
    expect(justStarted.claim({}, "bob-hash", [3])).toBeNull();
    vi.setSystemTime(Date.now() + RESEND_GRACE_MS);
    expect(justStarted.claim({}, "mallory-hash", [1])).toMatch(/another writer/);
    expect(await restarted.authors()).toEqual(new Map([[1, ann]]));
  });

  it("writes an id's owner when it is claimed, before its author is known, so a restart keeps it", async () => {
    const fake = new FakeDurableStorage();
    const table = await tableOn(fake);
    expect(table.claim({}, "tool-hash", [5])).toBeNull();
    await expect
      .poll(async () => (await tableOn(fake.restarted())).claim({}, "mallory-hash", [5]))
      .toMatch(/another writer/);
  });

  it("gives a record from before writers were recorded to the first writer that goes on with it", async () => {
    const fake = new FakeDurableStorage();
    fake.data.set("author:9", ann);
    const table = await tableOn(fake);
    expect(table.claim({}, "ann-hash", [9])).toBeNull();
    expect(table.claim({}, "mallory-hash", [9])).toMatch(/another writer/);
    expect(await table.authors()).toEqual(new Map([[9, ann]]));
    await expect
      .poll(async () => (await tableOn(fake.restarted())).claim({}, "mallory-hash", [9]))
      .toMatch(/another writer/);
  });

  it("lets clients without a writer key go on with each other's ids, and never with a keyed writer's", async () => {
    const table = await tableOn(new FakeDurableStorage());
    expect(table.claim({}, KEYLESS_WRITER, [7])).toBeNull();
    expect(table.claim({}, KEYLESS_WRITER, [7])).toBeNull();
    expect(table.claim({}, "ann-hash", [7])).toMatch(/belongs to another writer/);
  });

  it(`refuses a claim past ${MAX_CLIENTS_PER_WRITER} client ids for one connection, claiming none of it`, async () => {
    const table = await tableOn(new FakeDurableStorage());
    const flood = {};
    const ids = Array.from({ length: MAX_CLIENTS_PER_WRITER + 1 }, (_, index) => index + 1);
    expect(table.claim(flood, "flood", ids.slice(0, MAX_CLIENTS_PER_WRITER))).toBeNull();
    expect(table.claim(flood, "flood", ids.slice(MAX_CLIENTS_PER_WRITER))).toMatch(/at most/);
    expect(table.claim({}, "someone", ids.slice(MAX_CLIENTS_PER_WRITER))).toBeNull();
  });
});
