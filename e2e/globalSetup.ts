import { rm } from "node:fs/promises";
import { newStateDir, startPartyKit } from "./partykitServer";

/** One real server for the whole run, on a free port with fresh state; tests read its URL from the environment. */
export default async function globalSetup() {
  const stateDir = await newStateDir();
  const server = await startPartyKit({ stateDir });
  process.env.COWRITE_URL = server.url;
  return async () => {
    await server.stop();
    await rm(stateDir, { recursive: true, force: true });
  };
}
