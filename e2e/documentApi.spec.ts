import { newDocId } from "../party/shared/docId";
import { documentApiPath } from "../party/shared/roomName";
import { expect, type Person, test } from "./people";

const api = (docId: string, query = "") => `${documentApiPath(docId)}${query}`;

/** Writes a little of everything through the toolbar, shortcuts and Markdown input rules. */
async function writeRichContent(person: Person) {
  const { page } = person;
  await person.editor.click();
  await page.keyboard.type("# Plans");
  await page.keyboard.press("Enter");
  await page.keyboard.type("We ship ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("Friday");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(", not ");
  await page.keyboard.press("ControlOrMeta+i");
  await page.keyboard.type("Monday");
  await page.keyboard.press("ControlOrMeta+i");
  await page.keyboard.press("Enter");
  await page.keyboard.type("- tests");
  await page.keyboard.press("Enter");
  await page.keyboard.type("docs");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.getByTestId("toolbar-codeBlock").click();
  await page.keyboard.type("npm test");
}

const RICH_MARKDOWN = "# Plans\n\nWe ship **Friday**, not *Monday*\n\n- tests\n- docs\n\n```\nnpm test\n```";

test("what is typed in the browser reads back as Markdown, HTML, JSON and text", async ({ alice, request, docId }) => {
  await writeRichContent(alice);
  await expect.poll(async () => (await request.get(api(docId, "?format=markdown"))).text()).toBe(RICH_MARKDOWN);

  const markdown = await request.get(api(docId, "?format=markdown"));
  expect(markdown.headers()["content-type"]).toBe("text/markdown; charset=utf-8");

  const html = await request.get(api(docId, "?format=html"));
  expect(html.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(await html.text()).toBe(
    "<h1>Plans</h1><p>We ship <strong>Friday</strong>, not <em>Monday</em></p>" +
      "<ul><li><p>tests</p></li><li><p>docs</p></li></ul><pre><code>npm test</code></pre><p></p>",
  );

  const json = await (await request.get(api(docId, "?format=json"))).json();
  expect(json.type).toBe("doc");
  expect(json.content.map((node: { type: string }) => node.type)).toEqual([
    "heading",
    "paragraph",
    "bulletList",
    "codeBlock",
    "paragraph",
  ]);

  const text = await request.get(api(docId, "?format=text"));
  expect(await text.text()).toBe("Plans\n\nWe ship Friday, not Monday\n\ntests\ndocs\n\nnpm test");
});

test("Markdown PUT through the API appears live, and undo in the editor takes it back", async ({
  alice,
  bob,
  request,
  docId,
}) => {
  await alice.typeAtEnd("Before the import.");
  await expect.poll(() => bob.text()).toBe("Before the import.");

  const put = await request.put(api(docId), {
    headers: { "Content-Type": "text/markdown" },
    data: "## Imported\n\nFrom a **script**.",
  });
  expect(put.status()).toBe(200);
  for (const person of [alice, bob]) {
    await expect.poll(() => person.text("h2")).toBe("Imported");
    await expect.poll(() => person.text("p > strong")).toBe("script");
    await expect.poll(() => person.text()).not.toContain("Before the import.");
  }

  await alice.editor.click();
  await alice.page.keyboard.press("ControlOrMeta+z");
  for (const person of [alice, bob]) await expect.poll(() => person.text()).toBe("Before the import.");
  await expect.poll(async () => (await request.get(api(docId, "?format=markdown"))).text()).toBe("Before the import.");
});

test("HTML POST through the API appends, keeping what was there", async ({ alice, request, docId }) => {
  await alice.typeAtEnd("First.");
  await expect.poll(async () => (await request.get(api(docId, "?format=text"))).status()).toBe(200);
  const post = await request.post(api(docId), {
    headers: { "Content-Type": "text/html" },
    data: "<p>Second, <em>appended</em>.</p><script>alert(1)</script>",
  });
  expect(post.status()).toBe(200);
  await expect.poll(() => alice.text()).toBe("First.Second, appended.");
  expect(await (await request.get(api(docId, "?format=markdown"))).text()).toBe("First.\n\nSecond, *appended*.");
});

test("bad requests get a JSON error and leave the document untouched", async ({ alice, request, docId }) => {
  expect((await request.get(api(newDocId()))).status()).toBe(404);
  expect((await (await request.get(api(newDocId()))).json()).error.code).toBe("not_found");

  await alice.typeAtEnd("Untouched.");
  await expect.poll(async () => (await request.get(api(docId, "?format=text"))).text()).toBe("Untouched.");

  const bad = [
    [await request.get(api(docId, "?format=pdf")), 400, "unknown_format"],
    [
      await request.put(api(docId), { headers: { "Content-Type": "application/json" }, data: "{}" }),
      415,
      "unsupported_media_type",
    ],
    [
      await request.put(api(docId), {
        headers: { "Content-Type": "text/markdown" },
        data: Buffer.from([0xff, 0xfe, 0x41]),
      }),
      400,
      "malformed_body",
    ],
    [
      await request.put(api(docId, `?title=${"t".repeat(201)}`), {
        headers: { "Content-Type": "text/markdown" },
        data: "x",
      }),
      400,
      "title_too_long",
    ],
    [await request.delete(api(docId)), 405, "method_not_allowed"],
    // Last: having refused a body unread, the server may close the connection, as HTTP allows.
    [
      await request.put(api(docId), { headers: { "Content-Type": "text/markdown" }, data: "x".repeat(600 * 1024) }),
      413,
      "body_too_large",
    ],
  ] as const;
  for (const [response, status, code] of bad) {
    expect(response.status(), code).toBe(status);
    expect(response.headers()["content-type"], code).toContain("application/json");
    expect((await response.json()).error.code).toBe(code);
  }
  // The refused upload may have reset that connection, and a read on it then fails; the next gets a new one.
  await expect
    .poll(async () => {
      try {
        return await (await request.get(api(docId, "?format=text"))).text();
      } catch (error) {
        return `read failed: ${String(error)}`;
      }
    })
    .toBe("Untouched.");
  await expect.poll(() => alice.text()).toBe("Untouched.");
});
