import type { Editor } from "@tiptap/react";
import { useCallback, useMemo, useState } from "react";
import type { Role } from "../../party/shared/roles";
import type { DocumentSession } from "../collab/documentSession";
import { isInSync } from "../collab/syncState";
import { useAuthorDirectory } from "../collab/useAuthorDirectory";
import { DecorationLayer } from "../editor/decorationLayer";
import { useDecorationLayer } from "../editor/useDecorationLayer";
import { type EdgeMarker, useEdgeMarkers } from "../follow/useEdgeMarkers";
import { authorDecorations } from "./authorDecorations";
import { CHANGES_SINCE_LAYER, type ChangesSummary, useChangesSince } from "./useChangesSince";
import { FRESH_EDITS, useFreshEditFlash } from "./useFreshEditFlash";

const AUTHORS_LAYER = new DecorationLayer("authors");

/** The plugins review draws with, for the editor to have from its creation. */
export const REVIEW_PLUGINS = [CHANGES_SINCE_LAYER.plugin, AUTHORS_LAYER.plugin, FRESH_EDITS.plugin];

export interface Review {
  changes: ChangesSummary | null;
  markSeen: () => void;
  /** Whether the text is coloured by who wrote it; null where the page may not know (a viewer's). */
  showAuthors: boolean | null;
  setShowAuthors: (show: boolean) => void;
  /** Who is editing out of the reader's view, and where. */
  edgeMarkers: EdgeMarker[];
}

/**
 * Reviewing live: changes since the reader last looked, text coloured by author, others' fresh
 * edits lit up, and who is editing out of view.
 */
export function useReview(session: DocumentSession, editor: Editor, role: Role, selfKey: string): Review {
  const mayReadHistory = role !== "view";
  const [authors, authorsNews] = useAuthorDirectory(session, mayReadHistory);
  const { summary, markSeen } = useChangesSince(session, editor, authors, authorsNews, selfKey);
  const isLive = useCallback(() => isInSync(session), [session]);
  useFreshEditFlash(editor, session.doc, authors.authorOf, isLive);
  const edgeMarkers = useEdgeMarkers(editor, session.doc, authors.authorOf, isLive);
  const [showAuthors, setShowAuthors] = useState(false);
  // authorsNews: coloured again once the server's record has news.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const colouring = useMemo(() => authorDecorations(authors.authorOf), [authors, authorsNews]);
  useDecorationLayer(editor, session.doc, AUTHORS_LAYER, showAuthors && mayReadHistory ? colouring : null, true);
  return {
    changes: summary,
    markSeen,
    showAuthors: mayReadHistory ? showAuthors : null,
    setShowAuthors,
    edgeMarkers,
  };
}
