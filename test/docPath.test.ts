import { describe, expect, it } from "vitest";
import { docIdFromPath, docPath, keyFromSearch } from "../src/docPath";

describe("document paths", () => {
  it("round-trip a document id", () => {
    expect(docIdFromPath(docPath("Ab_9-z"))).toBe("Ab_9-z");
    expect(docIdFromPath("/d/Ab_9-z/")).toBe("Ab_9-z");
  });

  it("carry a share link's key in the query", () => {
    const path = docPath("Ab_9-z", "k-y_1");
    expect(path).toBe("/d/Ab_9-z?key=k-y_1");
    expect(keyFromSearch(new URL(path, "http://x").search)).toBe("k-y_1");
    expect(keyFromSearch("")).toBeNull();
  });

  it.each(["/", "/d/", "/d/a/b", "/x/abc", "/d/bad%20id", "/d/bad!"])("finds no document in %j", (pathname) => {
    expect(docIdFromPath(pathname)).toBeNull();
  });
});
