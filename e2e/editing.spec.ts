import { paste } from "./clipboard";
import { expect, type Person, test } from "./people";

/** Puts the caret just after the first occurrence of `text`, as a click there would. */
async function caretAfter(person: Person, text: string): Promise<void> {
  await person.page.bringToFront();
  await person.editor.click();
  await person.editor.evaluate((editor, after) => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(after) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + after.length);
      range.collapse(true);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return;
    }
    throw new Error(`No "${after}" in the editor`);
  }, text);
}

test("a caret stays where its owner left it while a collaborator types before it", async ({ alice, bob }) => {
  await alice.insertAtEnd("one three");
  await expect.poll(() => bob.text()).toBe("one three");
  await caretAfter(alice, "one");

  await bob.page.bringToFront();
  await bob.editor.click();
  await bob.page.keyboard.press("ControlOrMeta+Home");
  await bob.page.keyboard.insertText("zero ");
  await expect.poll(() => alice.text()).toBe("zero one three");

  await alice.page.bringToFront();
  await alice.page.keyboard.insertText(" two");
  await expect.poll(() => bob.text()).toBe("zero one two three");
  await expect.poll(() => alice.text()).toBe("zero one two three");
});

test("Markdown shortcuts typed at the start of a line format it, for the collaborator too", async ({ alice, bob }) => {
  await alice.typeAtEnd("# Plan");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("- milk");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("1. first");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("> quoted");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("some **bold** text");

  for (const person of [alice, bob]) {
    await expect.poll(() => person.text("h1")).toBe("Plan");
    await expect.poll(() => person.text("ul > li")).toBe("milk");
    await expect.poll(() => person.text("ol > li")).toBe("first");
    await expect.poll(() => person.text("blockquote")).toBe("quoted");
    await expect.poll(() => person.text("p > strong")).toBe("bold");
  }
  expect(await bob.text()).toBe("Planmilkfirstquotedsome bold text");
});

test("pasted HTML keeps its formatting and loses its scripts, for everyone", async ({ alice, bob }) => {
  await alice.typeAtEnd("Before. ");
  const html =
    '<p>Pasted <strong>strong</strong> and <a href="https://example.com/" onclick="window.pwned = 1">a link</a>' +
    '<img src="x" onerror="window.pwned = 2"><script>window.pwned = 3</script>' +
    '<a href="javascript:window.pwned = 4">bad link</a></p>';
  await paste(alice, { "text/html": html, "text/plain": "Pasted strong and a link bad link" });

  for (const person of [alice, bob]) {
    await expect.poll(() => person.text()).toBe("Before. Pasted strong and a linkbad link");
    await expect.poll(() => person.text("strong")).toBe("strong");
    await expect(person.editor.locator('a[href="https://example.com/"]')).toHaveText("a link");
    // ProseMirror's own separator image aside, nothing of the pasted markup but text, bold and the safe link.
    const unsafe = "a[onclick], img:not(.ProseMirror-separator), script, [href^='javascript']";
    await expect(person.editor.locator(unsafe)).toHaveCount(0);
  }
  for (const person of [alice, bob]) expect(await person.page.evaluate(() => "pwned" in window)).toBe(false);
});

test("pasted plain text goes in as text, its lines as paragraphs", async ({ alice, bob }) => {
  await alice.typeAtEnd("Start:");
  await paste(alice, { "text/plain": " <b>not bold</b>\nsecond line" });
  await expect.poll(() => bob.text("p:last-child")).toBe("second line");
  await expect.poll(() => bob.text("p:first-child")).toBe("Start: <b>not bold</b>");
  await expect(bob.editor.locator("b, strong")).toHaveCount(0);
});
