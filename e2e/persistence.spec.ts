import { expect, test } from "./people";

test("a document survives the server being killed and started again", async ({
  server,
  serverDocUrl: docUrl,
  join,
}) => {
  const alice = await join("Alice", docUrl);
  const bob = await join("Bob", docUrl);
  await alice.typeAtEnd("Written before the crash.");
  await expect.poll(() => bob.text()).toBe("Written before the crash.");
  await bob.page.getByTestId("toolbar-heading-2").click();
  await expect.poll(() => alice.text("h2")).toBe("Written before the crash.");

  // Nobody who could bring the content back stays: only the server's storage has it.
  await alice.context.close();
  await bob.context.close();
  await server.restart();

  const carol = await join("Carol", docUrl);
  await expect.poll(() => carol.text("h2")).toBe("Written before the crash.");
});

test("people who stay reconnect by themselves after a restart", async ({ server, serverDocUrl: docUrl, join }) => {
  const alice = await join("Alice", docUrl);
  await alice.typeAtEnd("Still here.");
  await server.restart();
  await expect(alice.status).toHaveAttribute("data-state", "connected");
  const bob = await join("Bob", docUrl);
  await expect.poll(() => bob.text()).toBe("Still here.");
  await expect(bob.presence).toHaveCount(2);
});
