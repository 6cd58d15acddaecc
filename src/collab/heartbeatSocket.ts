import { HEARTBEAT_PING, HEARTBEAT_PONG } from "../../party/shared/heartbeat";

/**
 * The browser's WebSocket, answering the server's heartbeat pings. The answer comes from the
 * socket's own message event, not from a timer: browsers run timers in hidden tabs as rarely
 * as once a minute, but deliver messages at once, so a tab in the background keeps its presence.
 */
export class HeartbeatSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.addEventListener("message", (event) => {
      if (event.data === HEARTBEAT_PING) this.send(HEARTBEAT_PONG);
    });
  }
}
