import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

/**
 * A WebSocket client over plain TCP that never answers the server's close frame, as a
 * hostile or hung client would: its socket stays open, so it can go on sending frames after
 * the server has closed its side.
 */
export interface SilentSocket {
  /** Sends one binary frame; resolves once it is handed to the network. */
  send(frame: Uint8Array): Promise<void>;
  /** Resolves with the server's close frame, which is never answered. */
  closed: Promise<{ code: number; reason: string }>;
  end(): void;
}

const OPCODE = { binary: 0x2, close: 0x8 } as const;

function frameOf(payload: Uint8Array): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | OPCODE.binary, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x80 | OPCODE.binary, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | OPCODE.binary, 0x80 | 127]), bigEndian64(length)]);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] as number)));
  return Buffer.concat([header, mask, masked]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

/** Opens `path` (with its query) on the server at `baseURL`; resolves once the upgrade is answered. */
export function openSilentSocket(baseURL: string, path: string): Promise<SilentSocket> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let upgraded = false;
    let onClose: (close: { code: number; reason: string }) => void = () => {};
    const closed = new Promise<{ code: number; reason: string }>((resolved) => (onClose = resolved));
    const silent: SilentSocket = {
      send: (frame) => new Promise((written) => socket.write(frameOf(frame), () => written())),
      closed,
      end: () => socket.destroy(),
    };
    socket.on("error", reject);
    socket.on("connect", () => {
      const key = randomBytes(16).toString("base64");
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (!upgraded) {
        const end = received.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = received.subarray(0, end).toString();
        received = received.subarray(end + 4);
        if (!head.startsWith("HTTP/1.1 101")) return reject(new Error(head));
        upgraded = true;
        resolve(silent);
      }
      // Server frames are unmasked: opcode, length, payload. Only the close frame matters here.
      while (received.length >= 2) {
        let length = (received[1] as number) & 0x7f;
        let offset = 2;
        if (length === 126) [length, offset] = [received.readUInt16BE(2), 4];
        else if (length === 127) [length, offset] = [Number(received.readBigUInt64BE(2)), 10];
        if (received.length < offset + length) return;
        const payload = received.subarray(offset, offset + length);
        if (((received[0] as number) & 0x0f) === OPCODE.close) {
          onClose({ code: payload.readUInt16BE(0), reason: payload.subarray(2).toString() });
        }
        received = received.subarray(offset + length);
      }
    });
  });
}
