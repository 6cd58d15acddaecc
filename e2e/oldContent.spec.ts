import type { Browser } from "@playwright/test";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { documentApiPath } from "../party/shared/roomName";
import { seedDeviceCopy } from "./deviceCopy";
import { expect, Person, test } from "./people";
import { paragraphOf } from "./yjsClients";

/** A document an older app could have kept on a device: good text, then something the schema forbids. */
function oldCopy(addBad: (body: Y.XmlFragment) => void): Uint8Array {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  body.push([paragraphOf("Good text.")]);
  addBad(body);
  return Y.encodeStateAsUpdate(doc);
}

async function openWithOldCopy(browser: Browser, docPath: string, docId: string, update: Uint8Array) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = new Person("Dana", context, page);
  await page.goto("/");
  await seedDeviceCopy(page, docId, update);
  await page.goto(docPath);
  await expect(person.editor).toBeVisible();
  return person;
}

test("an old device copy the server refuses: the editor keeps working and says what is wrong", async ({
  browser,
  docPath,
  docId,
  request,
}) => {
  const update = oldCopy((body) => body.push([paragraphOf("a link", { link: { href: 5 } })]));
  const dana = await openWithOldCopy(browser, docPath, docId, update);
  await expect(dana.page.getByTestId("sync-error")).toContainText("link.href");
  await expect.poll(() => dana.text()).toBe("Good text.a link");
  await dana.typeAtEnd(" typed");
  await expect.poll(() => dana.text()).toBe("Good text.a link typed");

  await dana.page.getByRole("button", { name: "Discard unsaved changes" }).click();
  await expect(dana.status).toHaveAttribute("data-state", "connected");
  await dana.typeAtEnd("Fresh start.");
  await expect
    .poll(async () => (await request.get(`${documentApiPath(docId)}?format=text`)).text())
    .toBe("Fresh start.");
  await dana.context.close();
});

test("when the editor fails on content it cannot show, the page says so instead of carrying on silently", async ({
  browser,
  docPath,
  docId,
}) => {
  const update = oldCopy((body) => body.push([new Y.XmlText("Loose text.")]));
  const dana = await openWithOldCopy(browser, docPath, docId, update);
  await expect(dana.page.getByTestId("unexpected-error")).toContainText("Something went wrong");
  await expect(dana.page.getByTestId("sync-error")).toContainText("text cannot be inside");
  await dana.context.close();
});
