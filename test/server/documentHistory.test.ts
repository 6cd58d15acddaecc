import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ChangeAuthor } from "../../party/history/changeAuthor";
import {
  DocumentHistory,
  MAX_AUTHORS_PER_VERSION,
  MAX_CLIENTS_PER_WRITER,
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

function historyOn(fake: FakeDurableStorage): DocumentHistory {
  return new DocumentHistory(new LimitedStorage(fake.asPartyStorage()), DEFAULT_HISTORY_POLICY, "doc:test");
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

  it(`credits one writer with at most ${MAX_CLIENTS_PER_WRITER} client ids, and each request on its own`, async () => {
    const fake = new FakeDurableStorage();
    const history = historyOn(fake);
    const doc = new Y.Doc();
    history.attach(doc);
    const flood = new ChangeAuthor(author("Flood"));
    for (let client = 0; client < MAX_CLIENTS_PER_WRITER + 20; client++) write(doc, flood.author, "f", flood);
    for (let request = 0; request < MAX_CLIENTS_PER_WRITER + 6; request++) write(doc, author("Script"), "s");
    await history.save(doc, null);
    const credited = async () => [...(await historyOn(fake.restarted()).authors()).values()];
    await expect.poll(async () => (await credited()).length).toBe(2 * MAX_CLIENTS_PER_WRITER + 6);
    expect((await credited()).filter(({ name }) => name === "Flood")).toHaveLength(MAX_CLIENTS_PER_WRITER);
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
