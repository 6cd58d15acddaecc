import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import * as Y from "yjs";
import type { Author } from "../../party/shared/history";
import type { AuthorDirectory } from "../collab/AuthorDirectory";
import type { DocumentSession } from "../collab/documentSession";
import { loadSeenPoint, saveSeenPoint, type SeenPoint } from "../collab/seenPoint";
import { isInSync, untilInSync } from "../collab/syncState";
import { DecorationLayer } from "../editor/decorationLayer";
import { type DecorationsOf, useDecorationLayer } from "../editor/useDecorationLayer";
import { changeDecorations } from "./changeDecorations";
import { changesSince, passagesOf } from "./changesSince";
import { SeenTracker } from "./SeenTracker";

export const CHANGES_SINCE_LAYER = new DecorationLayer("changesSince");

/** What changed since the reader last looked, as the bar tells it. */
export interface ChangesSummary {
  passages: number;
  /** Who added text, by name; deletions carry no author. */
  people: Author[];
  since: number;
}

// The seen point is stored when it moves, at most this often, and whenever the page is hidden.
const STORE_EVERY_MS = 1000;

function summaryKey(summary: ChangesSummary | null): string {
  return summary ? `${summary.passages}|${summary.since}|${summary.people.map(({ key }) => key).join(",")}` : "";
}

/** The first seen point: the one stored, or, on a first visit, the document once it is in sync. */
async function firstSeenPoint(session: DocumentSession): Promise<SeenPoint> {
  const stored = loadSeenPoint(session.docId);
  if (stored) return stored;
  await untilInSync(session);
  return { snapshot: Y.snapshot(session.doc), time: Date.now() };
}

/**
 * Highlights what others changed since this browser's reader last had the document open, and
 * says so; `selfKey` is the reader's own author key, whose edits are never news.
 */
export function useChangesSince(
  session: DocumentSession,
  editor: Editor,
  authors: AuthorDirectory,
  authorsNews: number,
  selfKey: string,
): { summary: ChangesSummary | null; markSeen: () => void } {
  const { doc } = session;
  const [tracker, setTracker] = useState<SeenTracker | null>(null);
  const [summary, setSummary] = useState<ChangesSummary | null>(null);
  const [seenTimes, setSeenTimes] = useState(0);

  useEffect(() => {
    let created: SeenTracker | null = null;
    let storeTimer: ReturnType<typeof setTimeout> | undefined;
    let storedAt = -Infinity;
    let stopped = false;
    const store = () => {
      clearTimeout(storeTimer);
      storeTimer = undefined;
      storedAt = performance.now();
      if (created) saveSeenPoint(session.docId, created.current());
    };
    // At once, then at most every STORE_EVERY_MS: a page closed right after a change seldom gets to store on the way out.
    const storeSoon = () => {
      if (storeTimer !== undefined) return;
      storeTimer = setTimeout(store, Math.max(0, storedAt + STORE_EVERY_MS - performance.now()));
    };
    const storeIfHidden = () => {
      if (document.visibilityState === "hidden") store();
    };
    void session.deviceCopy.whenSynced
      .then(() => firstSeenPoint(session))
      .then((seen) => {
        if (stopped) return;
        const watchingLive = () => isInSync(session) && document.visibilityState === "visible";
        created = new SeenTracker(doc, seen, watchingLive, storeSoon);
        setTracker(created);
        store();
      });
    document.addEventListener("visibilitychange", storeIfHidden);
    window.addEventListener("pagehide", store);
    return () => {
      stopped = true;
      store();
      created?.destroy();
      document.removeEventListener("visibilitychange", storeIfHidden);
      window.removeEventListener("pagehide", store);
    };
  }, [session, doc]);

  const decorationsOf = useCallback<DecorationsOf>(
    (_state, binding) => {
      const base = tracker?.since() ?? null;
      const passages = base
        ? passagesOf(
            changesSince(
              binding,
              base,
              (client) => client === doc.clientID || authors.authorOf(client).key === selfKey,
            ),
          )
        : [];
      tracker?.settle(passages.length > 0);
      const people = new Map<string, Author>();
      for (const { changes } of passages) {
        for (const { client } of changes) {
          if (client === null) continue;
          const author = authors.authorOf(client);
          people.set(author.key, author);
        }
      }
      const next =
        tracker && passages.length > 0
          ? { passages: passages.length, people: [...people.values()], since: tracker.seenAt() }
          : null;
      setSummary((shown) => (summaryKey(shown) === summaryKey(next) ? shown : next));
      return passages.length > 0 ? changeDecorations(passages, authors.authorOf) : null;
    },
    // seenTimes and authorsNews: worked out again when the point moves or authors are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tracker, doc, authors, selfKey, seenTimes, authorsNews],
  );
  useDecorationLayer(editor, doc, CHANGES_SINCE_LAYER, decorationsOf);

  const markSeen = useCallback(() => {
    tracker?.markSeen();
    setSeenTimes((times) => times + 1);
  }, [tracker]);
  return { summary, markSeen };
}
