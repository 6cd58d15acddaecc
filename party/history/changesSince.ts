import * as Y from "yjs";
import type { Author } from "../shared/history";

interface Changes {
  author: Author;
  deletions: ReturnType<typeof Y.decodeUpdate>["ds"][];
}

/** Who changed the document since the last version, and what each of them deleted. */
export class ChangesSince {
  private readonly byAuthor = new Map<string, Changes>();

  get size(): number {
    return this.byAuthor.size;
  }

  /** Who changed the document, so far. */
  authors(): Author[] {
    return [...this.byAuthor.values()].map(({ author }) => author);
  }

  add(author: Author, update: Uint8Array): void {
    const changes = this.byAuthor.get(author.key) ?? { author, deletions: [] };
    changes.author = author;
    const { ds } = Y.decodeUpdate(update);
    if (ds.clients.size > 0) changes.deletions.push(ds);
    this.byAuthor.set(author.key, changes);
  }

  /** Changes counted under `key` until its author said who they are. */
  rename(key: string, author: Author): void {
    const changes = this.byAuthor.get(key);
    if (!changes) return;
    this.byAuthor.delete(key);
    const existing = this.byAuthor.get(author.key);
    this.byAuthor.set(author.key, { author, deletions: [...(existing?.deletions ?? []), ...changes.deletions] });
  }

  /** Everything counted so far, which starts the count again. */
  take(): { authors: Author[]; deletions: Map<string, Uint8Array> } {
    const authors = this.authors();
    const deletions = new Map<string, Uint8Array>();
    for (const [key, { deletions: sets }] of this.byAuthor) {
      if (sets.length > 0) deletions.set(key, Y.encodeSnapshot(Y.createSnapshot(Y.mergeDeleteSets(sets), new Map())));
    }
    this.byAuthor.clear();
    return { authors, deletions };
  }
}
