import WebSocket from "ws";
import { expect, test } from "./people";
import { NO_BROWSER } from "./projectTags";

const BAD_ROOMS = ["notes", "doc:", "doc:has space", `doc:${"x".repeat(65)}`, "docs:abc", "doc:a.b"];

for (const room of BAD_ROOMS) {
  test(
    `HTTP to room ${JSON.stringify(room.slice(0, 20))} is refused with a JSON error`,
    { tag: NO_BROWSER },
    async ({ request }) => {
      const response = await request.get(`/parties/main/${room.replaceAll(" ", "%20")}`);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error.code).toBe("invalid_room");
    },
  );
}

test("HTTP to a well-formed document room is not refused for its name", { tag: NO_BROWSER }, async ({ request }) => {
  const response = await request.get("/parties/main/doc:Well_formed-id");
  expect(response.status()).not.toBe(400);
  expect((await response.json()).error.code).not.toBe("invalid_room");
});

function closeOf(url: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.once("error", reject);
  });
}

test(
  "a WebSocket to a room that is not doc:<id> is closed with a clear reason",
  { tag: NO_BROWSER },
  async ({ baseURL }) => {
    const base = (baseURL ?? "").replace(/^http/, "ws");
    const { code, reason } = await closeOf(`${base}/parties/main/chat-room`);
    expect(code).toBe(4400);
    expect(reason).toContain("Invalid room name");
  },
);
