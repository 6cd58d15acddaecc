import { describe, expect, it } from "vitest";
import { docIdFromPath, docPath } from "../src/docPath";

describe("document paths", () => {
  it("round-trip a document id", () => {
    expect(docIdFromPath(docPath("Ab_9-z"))).toBe("Ab_9-z");
    expect(docIdFromPath("/d/Ab_9-z/")).toBe("Ab_9-z");
  });

  it.each(["/", "/d/", "/d/a/b", "/x/abc", "/d/bad%20id", "/d/bad!"])("finds no document in %j", (pathname) => {
    expect(docIdFromPath(pathname)).toBeNull();
  });
});
