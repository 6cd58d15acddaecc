import { connect, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/** A TCP proxy in front of a server, whose network can vanish as a closed laptop lid or lost Wi-Fi does. */
export interface FreezingProxy {
  url: string;
  /**
   * From now on nothing passes, either way, on any connection, old or new; nothing is closed
   * or ended either. Both ends wait for bytes that do not come.
   */
  freeze: () => void;
  /** The network is back: what waited passes, and everything after it. */
  thaw: () => void;
  close: () => Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

function flow({ client, upstream }: Pair): void {
  client.pipe(upstream);
  upstream.pipe(client);
}

function hold({ client, upstream }: Pair): void {
  client.unpipe(upstream);
  upstream.unpipe(client);
  client.pause();
  upstream.pause();
}

/** Starts a proxy on a free port that passes everything to `upstreamUrl` (http://host:port) while not frozen. */
export async function startFreezingProxy(upstreamUrl: string): Promise<FreezingProxy> {
  const { hostname, port } = new URL(upstreamUrl);
  let frozen = false;
  const pairs = new Set<Pair>();
  const end = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  };
  const listener = createServer((client) => {
    const pair = { client, upstream: connect(Number(port), hostname) };
    pairs.add(pair);
    for (const socket of [pair.client, pair.upstream]) {
      // Unheard, a reset would throw in the test runner.
      socket.on("error", () => end(pair));
      socket.once("close", () => end(pair));
    }
    if (!frozen) flow(pair);
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const address = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    freeze: () => {
      frozen = true;
      for (const pair of pairs) hold(pair);
    },
    thaw: () => {
      frozen = false;
      for (const pair of pairs) flow(pair);
    },
    close: async () => {
      for (const pair of pairs) end(pair);
      await new Promise((resolve) => listener.close(resolve));
    },
  };
}
