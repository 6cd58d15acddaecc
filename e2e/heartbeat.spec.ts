import { HEARTBEAT_PING, HEARTBEAT_PONG } from "../party/shared/heartbeat";
import { drivenOverBidi } from "./engines";
import { type FreezingProxy, startFreezingProxy } from "./freezingProxy";
import { test as base, expect, type Person } from "./people";
import { openRawSocket } from "./yjsClients";

/** Alice reaches the shared server through a network that can vanish; Bob is connected directly. */
const test = base.extend<{ network: FreezingProxy }>({
  network: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error("No server: the global setup sets the base URL");
    const network = await startFreezingProxy(baseURL);
    await use(network);
    await network.close();
  },
  alice: async ({ join, network, docPath }, use) => {
    await use(await join("Alice", `${network.url}${docPath}`));
  },
});

test("a person whose network vanishes leaves everyone's presence and carets within 10 seconds", async ({
  network,
  alice,
  bob,
}) => {
  await alice.typeAtEnd("Alice was here");
  await expect(bob.page.getByTestId("caret-label")).toHaveText("Alice");
  await expect(bob.presence.filter({ hasText: "Alice" })).toHaveCount(1);

  const frozenAt = Date.now();
  network.freeze();
  const aliceOnBobsScreen = async () => ({
    presence: await bob.presence.filter({ hasText: "Alice" }).count(),
    carets: await bob.page.getByTestId("caret-label").count(),
  });
  // Looked at every 100 ms, so the time measured is the time it took, to within 100 ms.
  await expect.poll(aliceOnBobsScreen, { intervals: [100], timeout: 10_000 }).toEqual({ presence: 0, carets: 0 });
  const detectedAfterMs = Date.now() - frozenAt;
  test.info().annotations.push({ type: "detected after", description: `${detectedAfterMs} ms` });
  expect(detectedAfterMs).toBeLessThan(10_000);
  await expect(bob.presence).toHaveCount(1);
});

test("a person whose network comes back after being dropped is back in everyone's presence at once", async ({
  network,
  alice,
  bob,
}) => {
  await expect(bob.presence.filter({ hasText: "Alice" })).toHaveCount(1);
  network.freeze();
  await expect(bob.presence.filter({ hasText: "Alice" })).toHaveCount(0);

  // Alice's browser now gets the server's close and reconnects. Each sees the other again well
  // before their presence would renew itself (every 15 s).
  network.thaw();
  await expect(bob.presence.filter({ hasText: "Alice" })).toHaveCount(1, { timeout: 3_000 });
  await expect(alice.presence.filter({ hasText: "Bob" })).toHaveCount(1, { timeout: 3_000 });
  // On a new socket: Playwright over BiDi reports none, so there this is left to Chromium.
  if (!drivenOverBidi(alice.engine)) expect(alice.sockets.length).toBeGreaterThan(1);
});

/** What a page's newest socket carries from now on. */
function heartbeatTraffic(person: Person) {
  const socketCount = person.sockets.length;
  const socket = person.sockets[socketCount - 1];
  const traffic = { person, socketCount, socket, pings: 0, pongs: 0 };
  socket.on("framereceived", ({ payload }) => {
    if (payload === HEARTBEAT_PING) traffic.pings += 1;
  });
  socket.on("framesent", ({ payload }) => {
    if (payload === HEARTBEAT_PONG) traffic.pongs += 1;
  });
  return traffic;
}

test.describe("with a silence limit of about a second", () => {
  const PING_MS = 300;
  const DROP_MS = 1200;
  // Each ping follows PING_MS of silence, so this many take three silence limits: the pongs alone keep the sockets.
  const PINGS = (3 * DROP_MS) / PING_MS + 1;
  test.use({ serverVars: { COWRITE_HEARTBEAT_PING_MS: PING_MS, COWRITE_HEARTBEAT_DROP_MS: DROP_MS } });

  test("people who stay connected but idle stay, and a plain client that says nothing is never pinged", async ({
    server,
    serverDocUrl,
    docId,
    join,
    browserName,
  }) => {
    test.skip(
      drivenOverBidi(browserName),
      "counts pings in WebSocket frames, which Playwright over BiDi does not report",
    );
    const plain = await openRawSocket(server.url, docId);
    const plainTextFrames: string[] = [];
    plain.socket.on("message", (data, isBinary) => {
      if (!isBinary) plainTextFrames.push(data.toString());
    });
    const alice = await join("Alice", serverDocUrl);
    const bob = await join("Bob", serverDocUrl);
    for (const person of [alice, bob]) await expect(person.presence).toHaveCount(2);

    const idleSince = Date.now();
    const traffic = [alice, bob].map(heartbeatTraffic);
    await expect.poll(() => Math.min(...traffic.map(({ pings }) => pings))).toBeGreaterThanOrEqual(PINGS);
    expect(Date.now() - idleSince).toBeGreaterThanOrEqual(3 * DROP_MS);

    for (const { person, socketCount, socket, pings, pongs } of traffic) {
      expect(socket.isClosed()).toBe(false);
      expect(person.sockets).toHaveLength(socketCount);
      // The last answer may still be on its way.
      expect(pongs).toBeGreaterThanOrEqual(pings - 1);
      await expect(person.presence).toHaveCount(2);
    }
    expect(plain.socket.readyState).toBe(plain.socket.OPEN);
    expect(plainTextFrames).toEqual([]);
    plain.socket.close();
  });
});
