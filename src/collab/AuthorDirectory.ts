import type { Author } from "../../party/shared/history";
import { readUser } from "./presentPeople";
import type { DocumentSession } from "./documentSession";
import { fetchAuthors } from "./historyRequests";

// A client id the server has not told about is asked again, but not more often than this.
const ASK_AGAIN_AFTER_MS = 2000;

const SOMEONE: Author = { key: "unknown", name: "Someone", color: null, role: null };

/**
 * Who wrote with each Yjs client id: the server's record (`GET ?authors`), and, for an id it
 * has not told about yet, the name the client shows in presence. A page that may not read the
 * history (a viewer) knows only presence.
 */
export class AuthorDirectory {
  private recorded = new Map<number, Author>();
  private asking = false;
  private askedAt = -Infinity;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: DocumentSession,
    private readonly mayAsk: boolean,
  ) {}

  /** Calls `listener` whenever the server's record brings news; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Who wrote with `client`; a function of its own, so it can be handed on as it is. */
  readonly authorOf = (client: number): Author => {
    const author = this.recorded.get(client);
    if (author) return author;
    this.ask();
    const user = readUser(this.session.provider.awareness.getStates().get(client));
    return user ? { key: user.id ?? `client:${client}`, name: user.name, color: user.color, role: null } : SOMEONE;
  };

  private ask(): void {
    if (!this.mayAsk || this.asking || performance.now() - this.askedAt < ASK_AGAIN_AFTER_MS) return;
    this.asking = true;
    this.askedAt = performance.now();
    fetchAuthors(this.session)
      .then((authors) => {
        const news = [...authors].some(([client, author]) => this.recorded.get(client)?.key !== author.key);
        this.recorded = authors;
        if (news) for (const listener of this.listeners) listener();
      })
      // Unreachable now: presence names stand in, and the next unknown id asks again.
      .catch(() => {})
      .finally(() => {
        this.asking = false;
      });
  }
}
