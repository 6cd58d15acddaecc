import { expect, Person, test } from "./people";

test("edits made offline on both sides, and across a reload, merge when the server is back", async ({
  server,
  serverDocUrl: docUrl,
  join,
}) => {
  const alice = await join("Alice", docUrl);
  const bob = await join("Bob", docUrl);
  await alice.untilWorksOffline();
  await alice.typeAtEnd("Shared start.");
  await expect.poll(() => bob.text()).toBe("Shared start.");

  await server.stop();
  for (const person of [alice, bob]) {
    await expect(person.status).toHaveAttribute("data-state", "offline");
    await expect(person.status).toContainText("changes are saved on this device");
  }
  await alice.typeAtEnd(" Alice offline.");
  await bob.typeAtEnd("");
  await bob.page.keyboard.press("Enter");
  await bob.page.keyboard.type("Bob offline.");

  // The app and the document both come from this device while the server is away.
  await alice.page.reload();
  await expect.poll(() => alice.text()).toBe("Shared start. Alice offline.");
  await expect(alice.status).toHaveAttribute("data-state", "offline");
  await alice.typeAtEnd(" After reload.");

  await server.restart();
  const merged = "Shared start. Alice offline. After reload.Bob offline.";
  for (const person of [alice, bob]) {
    await expect(person.status).toHaveAttribute("data-state", "connected");
    await expect.poll(() => person.text()).toBe(merged);
  }
  const carol = await join("Carol", docUrl);
  await expect.poll(() => carol.text()).toBe(merged);
});

test("what others wrote is on this device too: a reload with the server away shows it", async ({
  server,
  serverDocUrl: docUrl,
  join,
}) => {
  const alice = await join("Alice", docUrl);
  const bob = await join("Bob", docUrl);
  await alice.untilWorksOffline();
  await bob.typeAtEnd("Bob first.");
  await expect.poll(() => alice.text()).toBe("Bob first.");
  // Alice's own text builds on Bob's: her device must hold his too for hers to show.
  await alice.typeAtEnd(" Alice next.");
  await expect.poll(() => bob.text()).toBe("Bob first. Alice next.");
  await bob.typeAtEnd(" Bob last.");
  const all = "Bob first. Alice next. Bob last.";
  await expect.poll(() => alice.text()).toBe(all);

  await server.stop();
  await expect(alice.status).toHaveAttribute("data-state", "offline");
  await alice.page.reload();
  await expect.poll(() => alice.text()).toBe(all);
  await expect(alice.status).toHaveAttribute("data-state", "offline");
});

test("two tabs of one browser share their edits directly while the server is away", async ({
  server,
  serverDocUrl: docUrl,
  join,
}) => {
  const alice = await join("Alice", docUrl);
  const tab = new Person("Alice", alice.context, await alice.context.newPage());
  await tab.open(docUrl);
  await alice.typeAtEnd("Both tabs.");
  await expect.poll(() => tab.text()).toBe("Both tabs.");

  await server.stop();
  for (const person of [alice, tab]) await expect(person.status).toHaveAttribute("data-state", "offline");
  await alice.typeAtEnd(" From the first.");
  await expect.poll(() => tab.text()).toBe("Both tabs. From the first.");
  await tab.typeAtEnd(" From the second.");
  await expect.poll(() => alice.text()).toBe("Both tabs. From the first. From the second.");
});

/** Types numbered words into the person's own paragraph until told to stop; returns what was typed. */
async function typeWords(person: Person, prefix: string, count: { typed: number }, until: () => boolean) {
  const words: string[] = [];
  while (!until()) {
    const word = `${prefix}${count.typed} `;
    await person.page.keyboard.type(word, { delay: 5 });
    words.push(word);
    count.typed += 1;
  }
  return words.join("");
}

test("killing the server while two people type loses no character", async ({ server, serverDocUrl: docUrl, join }) => {
  test.setTimeout(120_000);
  const alice = await join("Alice", docUrl);
  const bob = await join("Bob", docUrl);
  await alice.typeAtEnd("A: ");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("B: ");
  await expect.poll(() => bob.text()).toBe("A: B: ");
  // Alice writes at the end of the first line, Bob at the end of the second.
  await alice.editor.locator("p").first().click();
  await alice.page.keyboard.press("End");
  await bob.typeAtEnd("");

  const aliceCount = { typed: 0 };
  const bobCount = { typed: 0 };
  let done = false;
  /** Resolves once each of them has typed `words` more words than now (one may type faster). */
  const eachTypes = async (words: number) => {
    const [aliceAt, bobAt] = [aliceCount.typed, bobCount.typed];
    await expect
      .poll(() => Math.min(aliceCount.typed - aliceAt, bobCount.typed - bobAt), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(words);
  };
  const crash = (async () => {
    await eachTypes(10);
    await server.stop();
    await eachTypes(5);
    await server.restart();
    await expect(alice.status).toHaveAttribute("data-state", "connected");
    await expect(bob.status).toHaveAttribute("data-state", "connected");
    await eachTypes(5);
    done = true;
  })();
  const [aliceWords, bobWords] = await Promise.all([
    typeWords(alice, "a", aliceCount, () => done),
    typeWords(bob, "b", bobCount, () => done),
    crash,
  ]);

  const expected = `A: ${aliceWords}B: ${bobWords}`;
  await expect.poll(() => alice.text()).toBe(expected);
  await expect.poll(() => bob.text()).toBe(expected);

  // What the server stored, with nobody left who could send it again.
  await alice.context.close();
  await bob.context.close();
  await server.restart();
  const carol = await join("Carol", docUrl);
  await expect.poll(() => carol.text()).toBe(expected);
});
