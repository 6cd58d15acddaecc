import { createServer, request as forward } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { connect } from "node:net";
import type { Page } from "@playwright/test";
import { expect, Person, test as base } from "./people";

const DEPLOYMENT_QUESTION = "which deployment?";

/** The app as its host serves it, with a new deployment on cue. */
interface Host {
  url: string;
  /** From now on /sw.js is a new worker: today's, plus an answer to which deployment it is. */
  deployNextVersion: () => Promise<void>;
  /** Stops serving, as an unreachable server would. */
  close: () => Promise<void>;
}

/**
 * Stands in front of the shared server and passes everything through, HTTP and WebSocket, except
 * /sw.js once a new version is deployed. (The browser fetches a worker update itself, out of
 * Playwright's reach, so routing cannot stand in for a deployment.)
 */
async function startHost(upstream: string): Promise<Host> {
  const { hostname, port } = new URL(upstream);
  let nextWorker: string | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    if (nextWorker !== undefined && request.url === "/sw.js") {
      response.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-cache" });
      response.end(nextWorker);
      return;
    }
    const upstreamRequest = forward(
      { hostname, port, method: request.method, path: request.url, headers: request.headers, agent: false },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    upstreamRequest.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstreamRequest);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (request, socket, head) => {
    const upstreamSocket = connect(Number(port), hostname, () => {
      const headerLines = [];
      for (let index = 0; index < request.rawHeaders.length; index += 2) {
        headerLines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
      }
      upstreamSocket.write(`${request.method} ${request.url} HTTP/1.1\r\n${headerLines.join("\r\n")}\r\n\r\n`);
      upstreamSocket.write(head);
      socket.pipe(upstreamSocket).pipe(socket);
    });
    upstreamSocket.on("error", () => socket.destroy());
    socket.on("error", () => upstreamSocket.destroy());
    socket.once("close", () => upstreamSocket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    deployNextVersion: async () => {
      const worker = await (await fetch(`${upstream}/sw.js`)).text();
      nextWorker = `${worker}
self.addEventListener("message", (event) => {
  if (event.data === ${JSON.stringify(DEPLOYMENT_QUESTION)}) event.ports[0].postMessage("next");
});`;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const test = base.extend<{ host: Host; docUrl: string }>({
  host: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error("No server: the global setup sets the base URL");
    const host = await startHost(baseURL);
    await use(host);
    await host.close();
  },
  docUrl: async ({ host, docPath }, use) => {
    await use(`${host.url}${docPath}`);
  },
});

/** "next" when the new deployment's worker controls the page, "previous" when the old one does (it does not answer). */
async function controllingDeployment(page: Page): Promise<string> {
  return page.evaluate(
    (question) =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        navigator.serviceWorker.controller?.postMessage(question, [channel.port2]);
        setTimeout(() => resolve("previous"), 1_000);
      }),
    DEPLOYMENT_QUESTION,
  );
}

async function chooseReload(person: Person): Promise<void> {
  const reloaded = person.page.waitForEvent("load");
  await person.page.getByTestId("app-update-reload").click();
  await reloaded;
}

test("an open tab learns of a new deployment when it is back in view, and Reload switches to it", async ({
  host,
  docUrl,
  join,
}) => {
  const alice = await join("Alice", docUrl);
  const banner = alice.page.getByTestId("app-update");
  await alice.untilWorksOffline();
  // The first worker on a device is no update.
  await expect(banner).toBeHidden();
  await alice.typeAtEnd("Written before the update.");

  await host.deployNextVersion();
  await alice.page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(banner).toBeVisible();
  await expect(banner).toHaveRole("status");
  await expect(banner).toContainText("A new version of Cowrite is available");
  expect(await controllingDeployment(alice.page)).toBe("previous");

  await chooseReload(alice);
  await expect.poll(() => controllingDeployment(alice.page)).toBe("next");
  await expect(alice.status).toHaveAttribute("data-state", "connected");
  await expect.poll(() => alice.text()).toBe("Written before the update.");
  await expect(banner).toBeHidden();
});

test("a tab left open finds a new deployment within the hour", async ({ host, docUrl, context, page }) => {
  await context.clock.install();
  const alice = new Person("Alice", context, page);
  await alice.open(docUrl);
  await alice.untilWorksOffline();
  const banner = page.getByTestId("app-update");

  await host.deployNextVersion();
  await context.clock.fastForward("01:00:00");
  await expect(banner).toBeVisible();

  await chooseReload(alice);
  await expect.poll(() => controllingDeployment(page)).toBe("next");
  await expect(banner).toBeHidden();
});

test("a deployment made while the tab was away shows on the next load", async ({ host, docUrl, join }) => {
  const alice = await join("Alice", docUrl);
  const banner = alice.page.getByTestId("app-update");
  await alice.untilWorksOffline();
  await host.deployNextVersion();

  await alice.page.reload();
  await expect(banner).toBeVisible();
  expect(await controllingDeployment(alice.page)).toBe("previous");

  await chooseReload(alice);
  await expect.poll(() => controllingDeployment(alice.page)).toBe("next");
  await expect(banner).toBeHidden();
});

test("looking for a deployment while the server is out of reach raises no error", async ({ host, docUrl, join }) => {
  const alice = await join("Alice", docUrl);
  await alice.untilWorksOffline();
  const errors: Error[] = [];
  alice.page.on("pageerror", (error) => {
    // Firefox reports each refused WebSocket as an error in the page; the app is reconnecting, as it should.
    if (!error.message.startsWith("Firefox can’t establish a connection to the server at ws://")) errors.push(error);
  });

  await host.close();
  await alice.page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  // Update checks of one registration run in turn, so once this one has failed the app's has too.
  const ownCheck = await alice.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.update().then(
      () => "updated",
      () => "failed",
    );
  });
  expect(ownCheck).toBe("failed");
  await expect(alice.page.getByTestId("app-update")).toBeHidden();
  expect(errors).toEqual([]);
});
