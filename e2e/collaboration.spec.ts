import { newDocId } from "../party/shared/docId";
import { expect, test } from "./people";

test("what one person types, the other sees, both ways, ending identical", async ({ alice, bob }) => {
  await alice.typeAtEnd("Hello from Alice.");
  await expect.poll(() => bob.text()).toBe("Hello from Alice.");

  await bob.typeAtEnd(" And hello from Bob.");
  await expect.poll(() => alice.text()).toBe("Hello from Alice. And hello from Bob.");
  await expect.poll(() => bob.text()).toBe("Hello from Alice. And hello from Bob.");
});

test("each sees the other's named caret and both in presence; a rename reaches the other", async ({ alice, bob }) => {
  await alice.typeAtEnd("Alice was here");
  await bob.typeAtEnd(" and Bob too");

  await expect(alice.page.getByTestId("caret-label")).toHaveText("Bob");
  await expect(bob.page.getByTestId("caret-label")).toHaveText("Alice");

  for (const person of [alice, bob]) {
    await expect(person.presence).toHaveCount(2);
    await expect(person.presence.filter({ hasText: "Alice" })).toHaveCount(1);
    await expect(person.presence.filter({ hasText: "Bob" })).toHaveCount(1);
    await expect(person.page.locator('[data-testid=presence-user][data-self="true"]')).toContainText(person.name);
  }

  await alice.rename("Alice Liddell");
  await expect(bob.presence.filter({ hasText: "Alice Liddell" })).toHaveCount(1);
  // A caret shows while its owner is in the text; Alice goes back to writing.
  await alice.typeAtEnd("!");
  await expect(bob.page.getByTestId("caret-label")).toHaveText("Alice Liddell");
});

test("a collaborator's caret stays on screen through your own Enter and typing", async ({ alice, bob }) => {
  await alice.typeAtEnd("First line");
  await bob.typeAtEnd(" by two");
  await expect(alice.page.getByTestId("caret-label")).toHaveText("Bob");
  await alice.typeAtEnd("");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("Second line");
  await expect.poll(() => bob.text()).toContain("Second line");
  await expect(alice.page.getByTestId("caret-label")).toHaveText("Bob");
});

test("undo takes back only your own change, never a collaborator's", async ({ alice, bob }) => {
  // Each change in one go: keys typed more than half a second apart (a busy machine) would
  // make several undo steps.
  await alice.insertAtEnd("Alice's sentence.");
  await expect.poll(() => bob.text()).toBe("Alice's sentence.");

  await bob.insertAtEnd(" Bob's addition.");
  await expect.poll(() => alice.text()).toBe("Alice's sentence. Bob's addition.");

  await bob.page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => bob.text()).toBe("Alice's sentence.");
  await expect.poll(() => alice.text()).toBe("Alice's sentence.");

  await bob.page.getByTestId("toolbar-redo").click();
  await expect.poll(() => alice.text()).toBe("Alice's sentence. Bob's addition.");

  await alice.page.getByTestId("toolbar-undo").click();
  await expect.poll(() => bob.text()).toBe(" Bob's addition.");
});

test("two documents never share content", async ({ alice, join }) => {
  const carol = await join("Carol", `/d/${newDocId()}`);
  await alice.typeAtEnd("Only in the first document");
  await carol.typeAtEnd("Only in the second document");

  await expect.poll(() => alice.text()).toBe("Only in the first document");
  await expect.poll(() => carol.text()).toBe("Only in the second document");
  await expect(alice.presence).toHaveCount(1);
  await expect(carol.presence).toHaveCount(1);
});

test("a hostile name shows as its characters and never runs", async ({ alice, join }) => {
  const hostile = "<img src=x onerror=window.__pwned=1>";
  const mallory = await join("Mallory");
  await mallory.rename(hostile);
  await mallory.typeAtEnd("hi");

  await expect(alice.page.getByTestId("caret-label")).toHaveText(hostile);
  await expect(alice.presence.filter({ hasText: hostile })).toHaveCount(1);
  await expect(alice.page.locator("img[src=x]")).toHaveCount(0);
  expect(await alice.page.evaluate(() => "__pwned" in window)).toBe(false);
});

test("formatting from the toolbar and shortcuts reaches the collaborator", async ({ alice, bob }) => {
  await alice.editor.click();
  await alice.page.getByTestId("toolbar-heading-1").click();
  await alice.page.keyboard.type("Title");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.press("ControlOrMeta+b");
  await alice.page.keyboard.type("bold words");
  await alice.page.keyboard.press("ControlOrMeta+b");
  await alice.page.keyboard.press("Enter");
  await alice.page.getByTestId("toolbar-bulletList").click();
  await alice.page.keyboard.type("first item");

  await expect.poll(() => bob.text("h1")).toBe("Title");
  await expect.poll(() => bob.text("p > strong")).toBe("bold words");
  await expect.poll(() => bob.text("ul > li")).toBe("first item");
  await expect(alice.page.getByTestId("toolbar-bulletList")).toHaveAttribute("aria-pressed", "true");
});

test("a closed tab's caret and presence leave everyone's screen; a reload leaves no ghost", async ({
  alice,
  bob,
  join,
}) => {
  const carol = await join("Carol");
  await alice.typeAtEnd("Alice ");
  await bob.typeAtEnd("Bob ");
  await carol.typeAtEnd("Carol ");
  await expect(alice.page.getByTestId("caret-label")).toHaveCount(2);

  await bob.page.close();
  await expect(alice.page.getByTestId("caret-label")).toHaveText(["Carol"], { timeout: 5_000 });
  await expect(alice.presence).toHaveCount(2, { timeout: 5_000 });

  await carol.page.reload();
  await carol.typeAtEnd("again");
  await expect(alice.page.getByTestId("caret-label")).toHaveText(["Carol"]);
  await expect(alice.presence).toHaveCount(2);
});
