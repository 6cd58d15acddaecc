import { drivenOverBidi } from "./engines";
import { expect, type Person, test } from "./people";
import { awarenessClientIds } from "./rawFrames";

/** The client ids whose presence a page sends on its newest socket from now on. */
function presenceSent(person: Person): Set<number> {
  const clientIds = new Set<number>();
  person.sockets.at(-1)!.on("framesent", ({ payload }) => {
    if (typeof payload === "string") return;
    for (const clientId of awarenessClientIds(new Uint8Array(payload))) clientIds.add(clientId);
  });
  return clientIds;
}

test("a page sends only its own presence, never the carets it hears of others", async ({ alice, bob }) => {
  test.skip(drivenOverBidi(alice.engine), "reads WebSocket frames, which Playwright over BiDi does not report");
  const fromAlice = presenceSent(alice);
  const fromBob = presenceSent(bob);
  await bob.typeAtEnd("Bob writes.");
  await expect(alice.page.getByTestId("caret-label")).toHaveText("Bob");
  await alice.typeAtEnd(" Alice too.");
  await expect(bob.page.getByTestId("caret-label")).toHaveText("Alice");
  await expect.poll(() => bob.text()).toBe("Bob writes. Alice too.");
  await expect.poll(() => fromAlice.size).toBeGreaterThan(0);
  await expect.poll(() => fromBob.size).toBeGreaterThan(0);
  // Each sent its own caret's moves, and nothing of the other's.
  expect(fromAlice.size).toBe(1);
  expect(fromBob.size).toBe(1);
  expect([...fromAlice].some((clientId) => fromBob.has(clientId))).toBe(false);
});
