import { describe, expect, it } from "vitest";
import { openedEntry, parseRecentDocuments, withDocument } from "../src/home/recentDocuments";

describe("recent documents", () => {
  it("keep the key and role each document was last opened with", () => {
    const viewed = { docId: "doc", title: "Plan", lastOpened: 1, key: "view-key", role: "view" as const };
    const edited = { ...viewed, lastOpened: 2, key: "edit-key", role: "edit" as const };
    expect(withDocument(withDocument([], viewed), edited)).toEqual([edited]);
    expect(parseRecentDocuments([edited])).toEqual([edited]);
  });

  it("read entries stored before share links, which have neither", () => {
    const old = { docId: "doc", title: "Old", lastOpened: 1 };
    expect(parseRecentDocuments([old])).toEqual([old]);
  });

  it.each([{ key: 5 }, { role: "owner" }])("drop an entry with a malformed %j", (bad) => {
    expect(parseRecentDocuments([{ docId: "doc", title: "Bad", lastOpened: 1, ...bad }])).toEqual([]);
  });

  it("keep the higher link when a lower one of the same document is opened, and take a higher one", () => {
    const edit = { docId: "doc", title: "Plan", lastOpened: 1, key: "edit-key", role: "edit" as const };
    const view = { docId: "doc", title: "Plan v2", lastOpened: 2, key: "view-key", role: "view" as const };
    expect(openedEntry(edit, view)).toEqual({ ...view, key: "edit-key", role: "edit" });
    expect(openedEntry(view, edit)).toEqual(edit);
    expect(openedEntry(undefined, view)).toEqual(view);
  });
});
