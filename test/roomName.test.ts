import { describe, expect, it } from "vitest";
import { docIdFromRoomName, docRoomName } from "../party/shared/roomName";

describe("document room names", () => {
  it("are doc:<docId>", () => {
    expect(docRoomName("abc_123")).toBe("doc:abc_123");
    expect(docIdFromRoomName("doc:abc_123")).toBe("abc_123");
  });

  it.each(["abc", "doc:", "doc", "docs:abc", "DOC:abc", "doc:a b", `doc:${"x".repeat(65)}`, "doc:abc/def", "xdoc:abc"])(
    "refuses %j",
    (roomName) => {
      expect(docIdFromRoomName(roomName)).toBeNull();
    },
  );
});
