import { rm } from "node:fs/promises";
import { newDocId } from "../party/shared/docId";
import { newStateDir, type PartyKitServer, startPartyKit } from "./partykitServer";
import { expect, test } from "./people";

let server: PartyKitServer;

test.beforeEach(async () => {
  server = await startPartyKit({ stateDir: await newStateDir() });
});

test.afterEach(async () => {
  await server.stop();
  await rm(server.stateDir, { recursive: true, force: true });
});

test("a document survives the server being killed and started again", async ({ join }) => {
  const docUrl = `${server.url}/d/${newDocId()}`;
  const alice = await join("Alice", docUrl);
  const bob = await join("Bob", docUrl);

  await alice.typeAtEnd("Written before the crash.");
  await expect.poll(() => bob.text()).toBe("Written before the crash.");
  await bob.page.getByTestId("toolbar-heading-2").click();
  await expect.poll(() => alice.text("h2")).toBe("Written before the crash.");

  await server.stop();
  await expect(alice.status).toHaveAttribute("data-state", "offline");

  server = await startPartyKit({ stateDir: server.stateDir, port: server.port });

  const carol = await join("Carol", docUrl);
  await expect.poll(() => carol.text("h2")).toBe("Written before the crash.");
  // Those who were there reconnect by themselves.
  await expect(alice.status).toHaveAttribute("data-state", "connected");
  await expect(carol.presence).toHaveCount(3);
});
