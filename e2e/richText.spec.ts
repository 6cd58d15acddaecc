import { documentApiPath } from "../party/shared/roomName";
import { WORD_LISTS } from "../test/fixtures/wordClipboard";
import { paste } from "./clipboard";
import { expect, type Person, test } from "./people";

// Links, underline, highlight, checklists and tables, between two people (in two engines where
// both run: this file runs in the cross-engine project).

/** The text of each element matching `selector` in the person's editor, without others' caret labels. */
function textsOf(person: Person, selector: string): Promise<string[]> {
  return person.editor.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as Element;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return copy.textContent ?? "";
    }),
  );
}

/** Each table row's cells' text, as the person sees it. */
async function cellTexts(person: Person): Promise<string[][]> {
  const widths = await person.editor
    .locator("tr")
    .evaluateAll((rows) => rows.map((row) => (row as HTMLTableRowElement).cells.length));
  const cells = await textsOf(person, "th, td");
  return widths.map((width, row) => {
    const start = widths.slice(0, row).reduce((sum, each) => sum + each, 0);
    return cells.slice(start, start + width);
  });
}

test("a link, underline and a highlight on a selection reach the collaborator; a script link is refused", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("Read the spec today");
  await expect.poll(() => bob.text()).toBe("Read the spec today");

  await alice.select("spec");
  await alice.page.keyboard.press("ControlOrMeta+k");
  const address = alice.page.getByTestId("link-address");
  await alice.typeInto(address, "javascript:alert(1)");
  await alice.page.keyboard.press("Enter");
  await expect(alice.page.getByTestId("link-editor").getByRole("alert")).toContainText("web address");
  await address.clear();
  await alice.typeInto(address, "example.com/spec");
  await alice.page.keyboard.press("Enter");
  await expect(alice.page.getByTestId("link-editor")).toHaveCount(0);

  await alice.select("today");
  await alice.page.keyboard.press("ControlOrMeta+u");
  await alice.page.getByTestId("toolbar-highlight").click();
  await alice.page.getByTestId("highlight-green").click();

  await expect(bob.editor.locator("a")).toHaveAttribute("href", "https://example.com/spec");
  await expect(bob.editor.locator("a")).toHaveText("spec");
  await expect(bob.editor.locator("u")).toHaveText("today");
  await expect(bob.editor.locator("mark")).toHaveAttribute("data-color", "#bbf7d0");
  await expect(bob.editor.locator("mark")).toHaveText("today");

  // The caret in the link, the toolbar's link button opens the same editor, which removes it.
  await bob.select("spec");
  await bob.page.getByTestId("toolbar-link").click();
  await expect(bob.page.getByTestId("link-address")).toHaveValue("https://example.com/spec");
  await bob.page.getByTestId("link-remove").click();
  await expect(alice.editor.locator("a")).toHaveCount(0);
  await expect.poll(() => alice.text()).toBe("Read the spec today");
});

test("a checklist from `[ ] ` and Ctrl+Shift+9, ticked by one person, is ticked for the other", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("[ ] milk");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("eggs");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("bread");
  await alice.page.keyboard.press("ControlOrMeta+Shift+9");

  await expect.poll(() => textsOf(bob, "li[data-checked] p")).toEqual(["milk", "eggs", "bread"]);
  await expect(alice.page.getByTestId("toolbar-taskList")).toHaveAttribute("aria-pressed", "true");

  await bob.page.bringToFront();
  await bob.editor.locator("li[data-checked]").nth(1).getByRole("checkbox").check();
  await expect(alice.editor.locator('li[data-checked="true"] p')).toHaveText(["eggs"]);
  await expect(alice.editor.getByRole("checkbox").nth(1)).toBeChecked();
  await expect(alice.editor.getByRole("checkbox").first()).not.toBeChecked();
});

test("a table: inserted with a header row, Tab between cells, rows and columns added and removed, two people in it at once", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("Plan");
  await alice.page.getByTestId("toolbar-table").click();
  await alice.page.keyboard.type("Who");
  await alice.page.keyboard.press("Tab");
  await alice.page.keyboard.type("What");
  await alice.page.keyboard.press("Tab");
  await alice.page.keyboard.type("When");
  await alice.page.keyboard.press("Tab");
  await alice.page.keyboard.type("Ann");
  await expect
    .poll(() => cellTexts(bob))
    .toEqual([
      ["Who", "What", "When"],
      ["Ann", "", ""],
      ["", "", ""],
    ]);
  await expect(bob.editor.locator("th")).toHaveCount(3);

  // Each writes in a different cell, their edits in flight at once.
  await alice.page.keyboard.press("Tab");
  await bob.page.bringToFront();
  await bob.editor.locator("td").nth(3).click();
  for (const [aliceWord, bobWord] of [
    ["Alice", "Bob"],
    [" writes", " writes"],
    [" here", " there"],
  ]) {
    await alice.page.bringToFront();
    await alice.page.keyboard.type(aliceWord);
    await bob.page.bringToFront();
    await bob.page.keyboard.type(bobWord);
  }
  const together = [
    ["Who", "What", "When"],
    ["Ann", "Alice writes here", ""],
    ["Bob writes there", "", ""],
  ];
  await expect.poll(() => cellTexts(alice)).toEqual(together);
  await expect.poll(() => cellTexts(bob)).toEqual(together);

  await alice.page.bringToFront();
  await alice.page.getByTestId("toolbar-addColumnAfter").click();
  await alice.page.getByTestId("toolbar-addRowAfter").click();
  await expect.poll(() => cellTexts(bob)).toHaveLength(4);
  await expect.poll(async () => (await cellTexts(bob))[0]).toHaveLength(4);
  await alice.page.getByTestId("toolbar-deleteRow").click();
  await alice.page.getByTestId("toolbar-deleteColumn").click();
  await expect.poll(() => cellTexts(bob)).toHaveLength(3);
  await alice.page.getByTestId("toolbar-deleteTable").click();
  await expect(bob.editor.locator("table")).toHaveCount(0);
  await expect.poll(() => bob.text()).toBe("Plan");
});

test("a row deleted by one while the other types in it: the rest of the table, and what is typed once it is gone, stay the same for both", async ({
  alice,
  bob,
  request,
  docId,
}) => {
  const table = "| Name | Note |\n| --- | --- |\n| Row one | first |\n| Row two | second |\n| Row three | third |\n";
  const put = await request.put(documentApiPath(docId), { data: table, headers: { "content-type": "text/markdown" } });
  expect(put.ok()).toBe(true);
  await expect.poll(() => cellTexts(bob)).toHaveLength(4);

  await alice.page.bringToFront();
  await alice.editor.locator("td", { hasText: "second" }).click();
  await bob.page.bringToFront();
  await bob.editor.locator("td", { hasText: "second" }).click();
  await bob.page.keyboard.press("End");
  await bob.page.keyboard.type(" and more");
  // Alice deletes the row while Bob's keys are on their way; once he sees it gone, he goes on
  // typing wherever his caret now is.
  await alice.page.bringToFront();
  await alice.page.getByTestId("toolbar-deleteRow").click();
  await expect.poll(() => cellTexts(bob)).toHaveLength(3);
  await bob.page.bringToFront();
  await bob.page.keyboard.type(" still typing");

  await expect.poll(async () => (await alice.text())?.split("still typing").length).toBe(2);
  await expect.poll(async () => JSON.stringify(await cellTexts(bob))).toBe(JSON.stringify(await cellTexts(alice)));
  const rows = (await cellTexts(alice)).map((cells) =>
    cells.map((cell) => cell.replace(/ ?still typing ?| and more/g, "")),
  );
  expect(rows).toEqual([
    ["Name", "Note"],
    ["Row one", "first"],
    ["Row three", "third"],
  ]);
});

test("pasting from Word keeps its lists as lists, nested and numbered, without their bullet characters", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("From Word:");
  await alice.page.keyboard.press("Enter");
  await paste(alice, { "text/html": WORD_LISTS, "text/plain": "Packing" });
  await expect.poll(() => textsOf(bob, "ul > li > p")).toEqual(["Tickets", "Printed", "Passport"]);
  await expect.poll(() => textsOf(bob, "ul ul > li")).toEqual(["Printed"]);
  await expect.poll(() => textsOf(bob, "ol > li")).toEqual(["Pack", "Go"]);
  await expect(bob.editor.locator("ul > li strong")).toHaveText("Tickets");
  expect((await bob.text()) ?? "").not.toMatch(/[·§]|\bo\u00a0/);
});

/** What Google Docs puts on the clipboard for a heading, a styled paragraph, a list, a table and an image. */
const FROM_GOOGLE_DOCS =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1f2e3d4c">' +
  '<h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial">Trip plan</span></h2>' +
  '<p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-weight:700">Bold</span>' +
  '<span style="font-size:11pt;font-weight:400"> and </span><span style="font-style:italic;font-weight:400">italic</span>' +
  '<span style="font-weight:400"> with </span><a href="https://example.com/map" style="text-decoration:none">' +
  '<span style="color:#1155cc;text-decoration:underline">a map</span></a>' +
  '<img src="https://lh3.googleusercontent.com/x.png" width="40" height="40"></p>' +
  '<ul style="margin-top:0;margin-bottom:0"><li dir="ltr" style="list-style-type:disc" aria-level="1">' +
  '<p dir="ltr" role="presentation"><span style="font-size:11pt">Tickets</span></p></li></ul>' +
  '<div dir="ltr" align="left"><table style="border:none;border-collapse:collapse"><colgroup><col width="100"></colgroup>' +
  '<tbody><tr style="height:0pt"><td style="border-left:solid #000 1pt;padding:5pt" class="c1"><p dir="ltr">' +
  '<span style="font-size:11pt">Day 1</span></p></td><td style="padding:5pt"><p dir="ltr"><span>Lisbon</span></p></td></tr>' +
  "</tbody></table></div></b>";

test("pasting from Google Docs keeps headings, bold, italic, links, lists and tables, and drops styles and images; a URL pasted over words links them", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("Intro");
  await alice.page.keyboard.press("Enter");
  await paste(alice, { "text/html": FROM_GOOGLE_DOCS, "text/plain": "Trip plan" });
  await expect.poll(() => textsOf(bob, "h2")).toEqual(["Trip plan"]);
  await expect.poll(() => textsOf(bob, "strong")).toEqual(["Bold"]);
  await expect.poll(() => textsOf(bob, "em")).toEqual(["italic"]);
  await expect(bob.editor.locator('a[href="https://example.com/map"]')).toHaveText("a map");
  await expect.poll(() => textsOf(bob, "ul > li")).toEqual(["Tickets"]);
  await expect.poll(() => cellTexts(bob)).toEqual([["Day 1", "Lisbon"]]);
  const pastedStyling = '[dir], [aria-level], .c1, [style*="font"], [style*="line-height"], [style*="padding"]';
  await expect(bob.editor.locator(pastedStyling)).toHaveCount(0);
  await expect(bob.editor.locator("img:not(.ProseMirror-separator)")).toHaveCount(0);

  await alice.select("Intro");
  await paste(alice, { "text/plain": "https://example.com/intro" });
  await expect(bob.editor.locator('a[href="https://example.com/intro"]')).toHaveText("Intro");
  // An address the server would refuse links nothing, and the page goes on saving.
  await alice.select("Tickets");
  await paste(alice, { "text/plain": "ftp://example.com/tickets" });
  await alice.typeAtEnd(" Saved.");
  await expect.poll(() => bob.text()).toMatch(/ Saved\.$/);
  await expect(alice.editor.locator('a[href^="ftp:"]')).toHaveCount(0);
  await expect(alice.page.getByTestId("sync-error")).toHaveCount(0);
});

const MARKDOWN = `- [ ] milk
- [x] eggs

| Who | When      |
| --- | --------- |
| Ann | ==today== |

A [link](https://example.com/) and ++underlined++ words.`;

test("checklists, tables, highlights and links written through the API show in the editor and read back the same", async ({
  alice,
  request,
  docId,
}) => {
  const path = documentApiPath(docId);
  const put = await request.put(path, { data: MARKDOWN, headers: { "content-type": "text/markdown" } });
  expect(put.ok()).toBe(true);
  await expect(alice.editor.locator('li[data-checked="true"] p')).toHaveText("eggs");
  await expect(alice.editor.locator("th")).toHaveText(["Who", "When"]);
  await expect(alice.editor.locator("td mark")).toHaveText("today");
  await expect(alice.editor.locator('a[href="https://example.com/"]')).toHaveText("link");

  expect(await (await request.get(`${path}?format=markdown`)).text()).toBe(MARKDOWN);
  const html = await (await request.get(`${path}?format=html`)).text();
  expect(html).toContain('<li data-checked="true" data-type="taskItem">');
  expect(html).toContain("<th");
  expect(html).toContain("<mark>today</mark>");
});
