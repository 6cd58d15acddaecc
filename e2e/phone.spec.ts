import { expect, type Person, test } from "./people";

// On a phone-sized screen (390×844), nothing runs off the side and the header's actions are in a menu.

/** How far the page is wider than the screen, in CSS pixels: 0 when nothing overflows sideways. */
function overflow(person: Person): Promise<number> {
  return person.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("on a phone the header folds its actions into a menu, and nothing overflows sideways", async ({ alice }) => {
  const { page } = alice;
  await page.setViewportSize({ width: 390, height: 844 });
  await alice.typeAtEnd("Notes from the road, with a table:");
  await page.getByTestId("toolbar-table").click();
  await page.keyboard.type("A rather long header cell that would push the page wider than the phone");
  expect(await overflow(alice)).toBe(0);

  const menu = page.getByTestId("header-menu");
  await expect(page.getByTestId("share")).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const action of ["share", "copy-link", "history-button", "export-markdown"]) {
    await expect(page.getByTestId(action)).toBeInViewport();
  }
  await expect(page.locator(".import")).toBeInViewport();
  await page.getByTestId("share").click();
  await expect(page.locator("#share-panel")).toBeInViewport({ ratio: 1 });
  expect(await overflow(alice)).toBe(0);
  await page.keyboard.press("Escape");

  await page.getByTestId("history-button").click();
  await expect(page.getByTestId("history")).toBeInViewport({ ratio: 1 });
  expect(await overflow(alice)).toBe(0);
  await page.getByTestId("close-history").click();
  await expect(page.getByTestId("history")).toHaveCount(0);
  await expect(alice.editor).toBeInViewport();
});
