import { expect, test } from "./people";
import { connectPartyKitClient, connectYjsClient } from "./yjsClients";

test("a standard Yjs client reads, writes and shows up in presence", async ({ alice, baseURL, docId }) => {
  await alice.typeAtEnd("Typed in the browser.");

  const bot = connectYjsClient(baseURL ?? "", docId);
  try {
    bot.provider.awareness.setLocalStateField("user", { name: "Script Bot", color: "#0b7285" });
    await expect.poll(() => bot.body.toString()).toBe("<paragraph>Typed in the browser.</paragraph>");

    bot.write("Written by a script.");

    await expect.poll(() => alice.text()).toBe("Typed in the browser.Written by a script.");
    await expect(alice.presence.filter({ hasText: "Script Bot" })).toHaveCount(1);
  } finally {
    bot.close();
  }
  await expect(alice.presence).toHaveCount(1);
});

test("a change over 1 MB travels in chunks and arrives whole", async ({ baseURL, docId }) => {
  const writer = connectPartyKitClient(baseURL ?? "", docId);
  const reader = connectYjsClient(baseURL ?? "", docId);
  try {
    // Random letters do not compress, so the update really is over the 1 MB chunk size.
    const text = Array.from({ length: 1_200_000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
      "",
    );
    writer.write(text);
    await expect.poll(() => reader.body.toString().length, { timeout: 30_000 }).toBe(writer.body.toString().length);
    expect(reader.body.toString()).toBe(writer.body.toString());
  } finally {
    writer.close();
    reader.close();
  }
});
