import type * as Party from "partykit/server";
import { clientKeyIn } from "../clientKey";
import { CloseCode, CloseReason } from "../shared/closeCodes";
import type { AccessGrant, AccessKeys, Role } from "../shared/roles";
import { isAccessKeys, keysSharedBy, newAccessKeys, roleOfKey } from "./accessKeys";

/** Kept beside the document's own entries, which live under prefixes of their own. */
const ACCESS_STORAGE_KEY = "access";

/** What a key gets: a role, or the reason it gets none. */
export type Admission = { role: Role } | { refused: "key-required" | "key-refused" | "unavailable" };

/**
 * Who may open a room's document, and as what. A document has three keys, one per role, kept
 * in the room's storage. A document without keys (made before share links, or by a client
 * that never asked for keys) is open: its address alone lets anyone edit it, as it always
 * did, until an editor resets its links, which gives it keys.
 */
export class DocumentAccess {
  private keys: AccessKeys | null | undefined;
  private loading: Promise<void> | undefined;
  private resetting: Promise<unknown> = Promise.resolve();
  private readonly grants = new WeakMap<Party.Connection, Role>();
  /** How to stop each connection's guard at once: a closed socket whose peer never answers the close still delivers frames. */
  private readonly revokers = new WeakMap<Party.Connection, () => void>();
  /** How many times the keys have been reset: a request let in before a reset must not act after it. */
  private resets = 0;

  constructor(private readonly room: Party.Room) {}

  /** What `key` gets in this document. */
  async admit(key: string | null): Promise<Admission> {
    if (!(await this.loaded())) return { refused: "unavailable" };
    return this.check(key);
  }

  /**
   * What `key` gets, recorded for `connection`. The record is made as the key is checked, with
   * no wait in between, so a reset either finds the connection or came before the check.
   */
  async admitConnection(connection: Party.Connection, key: string | null): Promise<Admission> {
    if (!(await this.loaded())) return { refused: "unavailable" };
    const admission = this.check(key);
    if ("role" in admission) this.grants.set(connection, admission.role);
    return admission;
  }

  /**
   * Whether a request let in now is still let in when it acts: false once the keys have been
   * reset in between (its body may have taken any time to arrive).
   */
  untilReset(): () => boolean {
    const resets = this.resets;
    return () => this.resets === resets;
  }

  /** Registers how to cut `connection` off the moment a reset revokes its key. */
  onRevoke(connection: Party.Connection, revoke: () => void): void {
    this.revokers.set(connection, revoke);
  }

  /** The role a connection was admitted with, if it was. */
  roleOf(connection: Party.Connection): Role | undefined {
    return this.grants.get(connection);
  }

  /** What `role` is told: its role and the keys it may hand on. */
  async grantFor(role: Role): Promise<AccessGrant> {
    await this.load();
    return { role, keys: this.keys ? keysSharedBy(this.keys, role) : null };
  }

  /**
   * Replaces all the document's keys, then closes every connection that came in with an old
   * key (or, on an open document, with none): except the editing tab that asked for the
   * reset (`clientKey`), which learns the new keys from the answer. Resolves with them.
   */
  reset(clientKey: string | null): Promise<AccessKeys> {
    const reset = this.resetting.then(async () => {
      await this.load();
      const keys = newAccessKeys();
      await this.room.storage.put(ACCESS_STORAGE_KEY, keys);
      this.keys = keys;
      this.resets++;
      for (const connection of this.room.getConnections()) {
        const kept =
          clientKey !== null && this.grants.get(connection) === "edit" && clientKeyIn(connection.uri) === clientKey;
        if (kept) continue;
        this.grants.delete(connection);
        const revoke = this.revokers.get(connection);
        if (revoke) revoke();
        else connection.close(CloseCode.linksReset, CloseReason.linksReset);
      }
      return keys;
    });
    this.resetting = reset.catch(() => {});
    return reset;
  }

  private check(key: string | null): Admission {
    const keys = this.keys;
    if (keys === null || keys === undefined) return key === null ? { role: "edit" } : { refused: "key-refused" };
    if (key === null) return { refused: "key-required" };
    const role = roleOfKey(keys, key);
    return role ? { role } : { refused: "key-refused" };
  }

  /** Whether the keys could be read; a failure is logged, and the next call tries again. */
  private async loaded(): Promise<boolean> {
    try {
      await this.load();
      return true;
    } catch (error) {
      console.error(`Room ${this.room.id}: the access keys could not be read`, error);
      return false;
    }
  }

  private load(): Promise<void> {
    this.loading ??= this.room.storage.get(ACCESS_STORAGE_KEY).then(
      (stored: unknown) => {
        if (stored === undefined) this.keys = null;
        else if (isAccessKeys(stored)) this.keys = stored;
        else {
          // Keys no one knows refuse everyone: safer than opening the document to anyone.
          console.error(`Room ${this.room.id}: the stored access keys cannot be read; every key is refused`);
          this.keys = newAccessKeys();
        }
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
