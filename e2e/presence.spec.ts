import { drivenOverBidi } from "./engines";
import { expect, type Person, test } from "./people";
import { awarenessClientIds } from "./rawFrames";

/** The client ids whose presence travels one way on a page's newest socket from now on. */
function presenceFrames(person: Person, direction: "framesent" | "framereceived"): Set<number> {
  const clientIds = new Set<number>();
  const read = ({ payload }: { payload: string | Buffer }) => {
    if (typeof payload === "string") return;
    for (const clientId of awarenessClientIds(new Uint8Array(payload))) clientIds.add(clientId);
  };
  const socket = person.sockets.at(-1)!;
  if (direction === "framesent") socket.on("framesent", read);
  else socket.on("framereceived", read);
  return clientIds;
}

test("a page sends only its own presence, and is sent only others'", async ({ alice, bob }) => {
  test.skip(drivenOverBidi(alice.engine), "reads WebSocket frames, which Playwright over BiDi does not report");
  const fromAlice = presenceFrames(alice, "framesent");
  const fromBob = presenceFrames(bob, "framesent");
  const toAlice = presenceFrames(alice, "framereceived");
  const toBob = presenceFrames(bob, "framereceived");
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
  const [aliceId] = [...fromAlice];
  const [bobId] = [...fromBob];
  expect(aliceId).not.toBe(bobId);
  // Each got the other's, and not its own back.
  expect([...toAlice]).toEqual([bobId]);
  expect([...toBob]).toEqual([aliceId]);
});
