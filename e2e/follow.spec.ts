import { expect, type Person, test } from "./people";
import { connectPartyKitClient, synced } from "./yjsClients";

// Where others are working: jumping to a person's caret, following it, and markers for edits out of view.

const PARAGRAPHS = 150;

/** Makes the document many screens long, as a script would, and waits until everyone given has it all. */
async function writeLongDocument(baseURL: string | undefined, docId: string, readers: Person[]): Promise<void> {
  const script = connectPartyKitClient(baseURL ?? "", docId);
  try {
    await synced(script);
    for (let index = 1; index <= PARAGRAPHS; index += 1) script.write(`Paragraph ${index} of a long document.`);
    for (const reader of readers) await expect(reader.editor.locator("p")).toHaveCount(PARAGRAPHS);
  } finally {
    script.close();
  }
}

/** The caret of `name`, as `viewer` sees it. */
function caretSeenBy(viewer: Person, name: string) {
  return viewer.page.getByTestId("caret-label").filter({ hasText: name });
}

/** Puts the person's caret at the end of paragraph `index` (from 1), as a click there would. */
async function caretInto(person: Person, index: number): Promise<void> {
  await person.page.bringToFront();
  await person.editor
    .locator("p")
    .nth(index - 1)
    .click();
  await person.page.keyboard.press("End");
}

test("following keeps the followed caret in view through a long document, until the follower scrolls", async ({
  alice,
  bob,
  baseURL,
  docId,
}) => {
  await writeLongDocument(baseURL, docId, [alice, bob]);
  await caretInto(alice, 1);
  const alicesCaret = caretSeenBy(bob, "Alice");
  await expect(alicesCaret).toBeInViewport();

  const aliceInPresence = bob.presence.filter({ hasText: "Alice" });
  await aliceInPresence.getByTestId("follow").click();
  await expect(aliceInPresence).toHaveAttribute("data-following", "true");

  // Alice goes to the end and writes there: Bob's view goes with her.
  await alice.page.keyboard.press("ControlOrMeta+End");
  await alice.page.keyboard.type(" Alice writes at the end.");
  await expect(alicesCaret).toBeInViewport();
  await expect.poll(() => bob.page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

  // She moves up through the document, a paragraph at a time and then by leaps: still in view.
  for (const index of [140, 100, 60, 20]) {
    await caretInto(alice, index);
    await alice.page.keyboard.type(` Alice was here (${index}).`);
    await expect(alicesCaret).toBeInViewport();
  }

  // Bob scrolls himself: he stops following, and Alice's moves no longer move his view.
  await bob.page.bringToFront();
  await bob.page.mouse.move(400, 400);
  await bob.page.mouse.wheel(0, -5000);
  await expect(aliceInPresence).not.toHaveAttribute("data-following", "true");
  // The wheel scrolls smoothly: to the top, once it gets there.
  await expect.poll(() => bob.page.evaluate(() => window.scrollY)).toBe(0);
  await alice.page.keyboard.press("ControlOrMeta+End");
  await alice.page.keyboard.type(" The end.");
  await expect.poll(() => bob.text()).toContain("The end.");
  expect(await bob.page.evaluate(() => window.scrollY)).toBe(0);
  await expect(alicesCaret).not.toBeInViewport();
});

test("clicking a person in presence jumps to their caret; typing yourself ends following", async ({
  alice,
  bob,
  baseURL,
  docId,
}) => {
  await writeLongDocument(baseURL, docId, [alice, bob]);
  await caretInto(bob, 1);
  await caretInto(alice, PARAGRAPHS);
  const alicesCaret = caretSeenBy(bob, "Alice");
  await expect(alicesCaret).not.toBeInViewport();

  const aliceInPresence = bob.presence.filter({ hasText: "Alice" });
  await aliceInPresence.getByTestId("presence-jump").click();
  await expect(alicesCaret).toBeInViewport();
  // A jump is once: it does not follow.
  await expect(aliceInPresence).not.toHaveAttribute("data-following", "true");

  await aliceInPresence.getByTestId("follow").click();
  await expect(aliceInPresence).toHaveAttribute("data-following", "true");
  await bob.page.keyboard.type("Bob types.");
  await expect(aliceInPresence).not.toHaveAttribute("data-following", "true");
  // His own caret is where he left it, at the top.
  await expect(bob.editor.locator("p").first()).toContainText("Bob types.");
});

test("an edit out of view shows an edge marker that scrolls there", async ({ alice, bob, baseURL, docId }) => {
  await writeLongDocument(baseURL, docId, [alice, bob]);
  await caretInto(alice, PARAGRAPHS);
  await alice.page.keyboard.type(" Below Bob's view.");

  // The script that wrote the document may have its own marker for a few seconds.
  const marker = bob.page.getByTestId("edge-marker").filter({ hasText: "Alice" });
  await expect(marker).toHaveText("Alice is editing below ↓");
  await marker.click();
  await expect(caretSeenBy(bob, "Alice")).toBeInViewport();
  await expect(marker).toHaveCount(0);

  await caretInto(alice, 1);
  await alice.page.keyboard.type(" Above.");
  await expect(marker).toHaveText("Alice is editing above ↑");
  await marker.click();
  await expect(bob.editor.locator("p").first()).toBeInViewport();
  await expect(marker).toHaveCount(0);
});
