import { documentApiPath } from "../party/shared/roomName";
import { startFreezingProxy } from "./freezingProxy";
import { expect, type Person, test } from "./people";

// What changed while you were away, who wrote what, and others' fresh edits, as each reader sees them.

/** Waits until the page has worked out what it shows: the review layers are drawn a frame after a change. */
async function settled(person: Person): Promise<void> {
  await person.page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
  );
}

/** Leaves the document for the home page, as closing its tab would; the browser keeps its copy. */
async function leave(person: Person): Promise<void> {
  await person.page.goto("/");
  await expect(person.page.getByTestId("new-doc")).toBeVisible();
}

async function typeNewParagraph(person: Person, text: string): Promise<void> {
  await person.page.bringToFront();
  await person.editor.click();
  await person.page.keyboard.press("ControlOrMeta+End");
  await person.page.keyboard.press("Enter");
  await person.page.keyboard.type(text);
}

test("changes since your last visit show for whoever was away, in their author's colour, and never your own", async ({
  alice,
  bob,
  docPath,
}) => {
  await alice.typeAtEnd("A first line that everyone saw.");
  await expect.poll(() => bob.text()).toBe("A first line that everyone saw.");
  // Bob saw it live: it is no news to him, and Alice wrote it.
  await settled(bob);
  await expect(bob.page.getByTestId("changes-since")).toHaveCount(0);

  await leave(bob);
  await typeNewParagraph(alice, "Alice wrote this while Bob was away.");
  await alice.select("everyone ");
  await alice.page.keyboard.press("Backspace");
  await expect.poll(() => alice.text()).toBe("A first line that saw.Alice wrote this while Bob was away.");
  await leave(alice);

  await bob.open(docPath);
  const bar = bob.page.getByTestId("changes-since");
  await expect(bar).toContainText("1 person changed 2 passages since");
  await expect(bar).toContainText("Alice");
  const added = bob.page.getByTestId("change-highlight");
  await expect(added).toHaveText("Alice wrote this while Bob was away.");
  await expect(added).toHaveAttribute("title", "Alice");
  await expect(bob.page.getByTestId("change-deletion")).toHaveCount(1);

  await bob.page.getByTestId("changes-next").click();
  await expect(bob.page.getByTestId("changes-position")).toHaveText("1 of 2");
  await bob.page.getByTestId("changes-next").click();
  await expect(bob.page.getByTestId("changes-position")).toHaveText("2 of 2");
  await bob.page.getByTestId("changes-previous").click();
  await expect(bob.page.getByTestId("changes-position")).toHaveText("1 of 2");

  // Alice comes back to her own edits: nothing is news to her.
  await alice.open(docPath);
  await expect.poll(() => alice.text()).toBe("A first line that saw.Alice wrote this while Bob was away.");
  await settled(alice);
  await expect(alice.page.getByTestId("changes-since")).toHaveCount(0);
  await expect(alice.page.getByTestId("change-highlight")).toHaveCount(0);

  await bob.page.getByTestId("mark-seen").click();
  await expect(bar).toHaveCount(0);
  await expect(added).toHaveCount(0);
  await expect(bob.page.getByTestId("change-deletion")).toHaveCount(0);
  await bob.page.reload();
  await expect(bob.status).toHaveAttribute("data-state", "connected");
  await settled(bob);
  await expect(bar).toHaveCount(0);
});

test("changes made while your network was gone are news once it is back", async ({ baseURL, docPath, alice, join }) => {
  const network = await startFreezingProxy(baseURL ?? "");
  try {
    const bob = await join("Bob", `${network.url}${docPath}`);
    await alice.typeAtEnd("Written together.");
    await expect.poll(() => bob.text()).toBe("Written together.");

    network.freeze();
    // The server drops Bob once his heartbeat stops: nothing Alice writes now reaches him.
    await expect(alice.presence.filter({ hasText: "Bob" })).toHaveCount(0);
    await typeNewParagraph(alice, "Added while Bob was offline.");
    await expect.poll(() => alice.text()).toBe("Written together.Added while Bob was offline.");
    network.thaw();
    await expect(bob.status).toHaveAttribute("data-state", "connected");
    await expect(bob.page.getByTestId("change-highlight")).toHaveText("Added while Bob was offline.");
    await expect(bob.page.getByTestId("changes-since")).toContainText("1 person changed 1 passage");
  } finally {
    await network.close();
  }
});

test("changes made before a server restart are news to whoever comes back after it", async ({
  server,
  serverDocUrl,
  join,
}) => {
  const alice = await join("Alice", serverDocUrl);
  const bob = await join("Bob", serverDocUrl);
  await alice.typeAtEnd("Written together.");
  await expect.poll(() => bob.text()).toBe("Written together.");
  await leave(bob);

  await typeNewParagraph(alice, "Added before the restart.");
  await expect.poll(() => alice.text()).toBe("Written together.Added before the restart.");
  await leave(alice);
  await server.restart();

  await bob.open(serverDocUrl);
  await expect(bob.page.getByTestId("change-highlight")).toHaveText("Added before the restart.");
  await expect(bob.page.getByTestId("changes-since")).toContainText("Alice");
});

test("Show authors colours the text by who wrote it, as the server recorded it, as it is typed", async ({
  alice,
  bob,
  join,
}) => {
  await alice.typeAtEnd("Alice writes here.");
  await expect.poll(() => bob.text()).toBe("Alice writes here.");
  await bob.typeAtEnd(" Bob adds this.");
  await expect.poll(() => alice.text()).toBe("Alice writes here. Bob adds this.");

  const carol = await join("Carol");
  await expect.poll(() => carol.text()).toBe("Alice writes here. Bob adds this.");
  const authored = carol.page.locator(".author-text");
  await expect(authored).toHaveCount(0);
  await carol.page.getByTestId("show-authors").click();
  await expect(carol.page.getByTestId("show-authors")).toHaveAttribute("aria-pressed", "true");
  await expect(authored).toHaveText(["Alice writes here.", " Bob adds this."]);
  await expect(authored.nth(0)).toHaveAttribute("title", "Alice");
  await expect(authored.nth(1)).toHaveAttribute("title", "Bob");
  const colours = await authored.evaluateAll((spans) =>
    spans.map((span) => getComputedStyle(span).getPropertyValue("--author-color").trim()),
  );
  const presenceColour = async (name: string) =>
    carol.page
      .getByTestId("presence-user")
      .filter({ hasText: name })
      .locator(".presence-avatar")
      .evaluate((avatar) => getComputedStyle(avatar).backgroundColor);
  const asRgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(", ")})`;
  expect(colours.map(asRgb)).toEqual([await presenceColour("Alice"), await presenceColour("Bob")]);

  await alice.typeAtEnd(" Alice again.");
  await expect(authored).toHaveText(["Alice writes here.", " Bob adds this.", " Alice again."]);
  await expect(authored.nth(2)).toHaveAttribute("title", "Alice");

  await carol.page.getByTestId("show-authors").click();
  await expect(authored).toHaveCount(0);
});

test("what others type lights up briefly in their colour for whoever watches", async ({ alice, bob }) => {
  await alice.typeAtEnd("Fresh words");
  const fresh = bob.page.locator(".fresh-edit");
  await expect(fresh.first()).toHaveAttribute("title", "Alice");
  await expect(fresh).toHaveCount(0);
  await expect(alice.page.locator(".fresh-edit")).toHaveCount(0);
  await expect.poll(() => bob.text()).toBe("Fresh words");
});

test("Show authors colours a long document as far as you scroll", async ({ alice, baseURL, docId }) => {
  const paragraphs = Array.from({ length: 200 }, (_, index) => `Paragraph ${index + 1} of a long document.`);
  const response = await fetch(`${baseURL}${documentApiPath(docId)}?author=Importer`, {
    method: "PUT",
    headers: { "Content-Type": "text/markdown" },
    body: paragraphs.join("\n\n"),
  });
  expect(response.ok).toBe(true);
  const last = alice.editor.locator("p").last();
  await expect(last).toHaveText("Paragraph 200 of a long document.");

  await alice.page.getByTestId("show-authors").click();
  await expect(alice.editor.locator("p").first().locator(".author-text")).toHaveAttribute("title", "Importer");
  // Drawn near the view only: the end is not coloured until it is scrolled to.
  await expect(last.locator(".author-text")).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator(".author-text")).toHaveAttribute("title", "Importer");
});
