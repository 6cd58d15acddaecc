import { expect, test } from "./people";
import { connectYjsClient } from "./yjsClients";

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
