import type * as Party from "partykit/server";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { RoomDocument } from "../../party/roomDocument";
import { DEFAULT_STORAGE_POLICY } from "../../party/storage/storagePolicy";
import { FakeDurableStorage } from "./storage/FakeDurableStorage";

const POLICY = { ...DEFAULT_STORAGE_POLICY, writeIntervalMs: 5 };
let rooms = 0;

/** A room as PartyKit gives one to the server: an id and its storage are all RoomDocument uses. */
function fakeRoom(fake: FakeDurableStorage, id = `doc:room-${rooms++}`): Party.Room {
  return { id, storage: fake.asPartyStorage(), env: {}, getConnections: () => [] } as unknown as Party.Room;
}

/** A connection as y-partykit uses one: it sends to it, listens to it, and closes it. */
class FakeConnection {
  readyState = 1;
  readonly id = `connection-${Math.random()}`;
  private readonly closeListeners: (() => void)[] = [];
  send(): void {}
  addEventListener(type: string, listener: () => void): void {
    if (type === "close") this.closeListeners.push(listener);
  }
  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    for (const listener of this.closeListeners) listener();
  }
  asConnection(): Party.Connection {
    return this as unknown as Party.Connection;
  }
}

function type(doc: Y.Doc, text: string): void {
  const body = doc.getText("body");
  body.insert(body.length, text);
}

const textOf = (doc: Y.Doc) => doc.getText("body").toString();

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 500) throw new Error("The condition never held");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("a room's document in memory", () => {
  it("is let go when the last connection closes, and opened again from storage", async () => {
    const fake = new FakeDurableStorage();
    const room = fakeRoom(fake);
    const document = new RoomDocument(room, POLICY);
    const connection = new FakeConnection();
    await document.connect(connection.asConnection());
    const first = await document.open();
    type(first, "written live. ");
    connection.close();
    await until(
      async () =>
        (await document.stats()) === null && [...fake.data.keys()].every((key) => key.startsWith("snapshot:")),
    );

    // Changed while no one is connected: only storage has this.
    await document.change((doc) => type(doc, "written by a request."));
    const again = new FakeConnection();
    await document.connect(again.asConnection());
    const second = await document.open();
    expect(second).not.toBe(first);
    expect(textOf(second)).toBe("written live. written by a request.");
    again.close();
  });

  it("counts as in memory until its last session's writes and fold are on disk", async () => {
    const fake = new FakeDurableStorage();
    const document = new RoomDocument(fakeRoom(fake), POLICY);
    const onDisk = () => [...fake.data.keys()].every((key) => key.startsWith("snapshot:"));
    const connection = new FakeConnection();
    await document.connect(connection.asConnection());
    type(await document.open(), "live. ");
    connection.close();
    expect(await document.stats()).not.toBeNull();
    await until(async () => (await document.stats()) === null);
    expect(onDisk()).toBe(true);

    await document.change((doc) => type(doc, "by a request."));
    expect(await document.stats()).not.toBeNull();
    await until(async () => (await document.stats()) === null);
    expect(onDisk()).toBe(true);
    const reader = new RoomDocument(fakeRoom(fake.restarted()), POLICY);
    expect(await reader.read(textOf)).toBe("live. by a request.");
  });

  it("shares one copy among requests that come while no one is connected, and folds it when they are done", async () => {
    const fake = new FakeDurableStorage();
    const document = new RoomDocument(fakeRoom(fake), POLICY);
    await Promise.all(["a", "b", "c", "d"].map((letter) => document.change((doc) => type(doc, letter))));
    expect(fake.calls.filter((call) => call.operation === "list").length).toBe(3);
    await until(async () => (await document.stats()) === null);
    await until(() => [...fake.data.keys()].every((key) => key.startsWith("snapshot:")));
    expect((await document.read(textOf)).split("").sort().join("")).toBe("abcd");
  });

  it("lets a connection that arrives during a request in only once the request's change is written", async () => {
    const fake = new FakeDurableStorage();
    const document = new RoomDocument(fakeRoom(fake), POLICY);
    const request = document.change((doc) => type(doc, "from the request"));
    const connection = new FakeConnection();
    const connecting = document.connect(connection.asConnection());
    await Promise.all([request, connecting]);
    expect(textOf(await document.open())).toBe("from the request");
    connection.close();
  });

  it("takes over a document that y-partykit still holds from a room this one replaced", async () => {
    const fake = new FakeDurableStorage();
    const room = fakeRoom(fake);
    const evicted = new RoomDocument(room, POLICY);
    const connection = new FakeConnection();
    await evicted.connect(connection.asConnection());
    type(await evicted.open(), "before. ");
    const writesBefore = (await evicted.stats())?.writes ?? 0;

    // The runtime made a new room object; the old one never saw its connection close.
    const replacement = new RoomDocument(fakeRoom(fake, room.id), POLICY);
    const shared = await replacement.open();
    type(shared, "after.");
    await replacement.change(() => {});
    expect((await evicted.stats())?.writes).toBe(writesBefore);
    const reader = new RoomDocument(fakeRoom(fake.restarted()), POLICY);
    expect(await reader.read(textOf)).toBe("before. after.");
    connection.close();
  });
});
