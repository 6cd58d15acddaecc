import { absolutePositionToRelativePosition } from "@tiptap/y-tiptap";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import type { Author } from "../../party/shared/history";
import { positionIn } from "../editor/editorBinding";
import { onOthersInsertions } from "../editor/othersInsertions";
import { whereIs } from "./scrollToPosition";

/** Someone editing where the reader cannot see: who, and on which side of the view. */
export interface EdgeMarker {
  author: Author;
  side: "above" | "below";
  /** Where they last wrote, kept as a Yjs position so it stays put as the text around it changes. */
  at: Y.RelativePosition;
}

// Someone who has not written for this long is no longer "editing".
const EDITING_FOR_MS = 10_000;
// Where others type moves a marker little from key to key: a few looks a second keep it true,
// where one every frame would cost a layout in the middle of their typing.
const AFTER_EDITS_MS = 250;

interface LastEdit {
  author: Author;
  at: Y.RelativePosition;
  when: number;
}

function sameMarkers(first: EdgeMarker[], second: EdgeMarker[]): boolean {
  return (
    first.length === second.length &&
    first.every((marker, index) => {
      const other = second[index];
      return (
        marker.author.key === other?.author.key &&
        marker.side === other.side &&
        Y.compareRelativePositions(marker.at, other.at)
      );
    })
  );
}

/**
 * One marker for each person who wrote in the last few seconds out of the reader's view,
 * live edits only (`isLive`), not what arrives while catching up.
 */
export function useEdgeMarkers(
  editor: Editor,
  doc: Y.Doc,
  authorOf: (client: number) => Author,
  isLive: () => boolean,
): EdgeMarker[] {
  const [markers, setMarkers] = useState<EdgeMarker[]>([]);
  useEffect(() => {
    if (editor.isDestroyed) return;
    const lastEdits = new Map<string, LastEdit>();
    let frame: number | null = null;
    const refresh = () => {
      frame = null;
      if (editor.isDestroyed) return;
      const now = Date.now();
      const next: EdgeMarker[] = [];
      for (const [key, edit] of lastEdits) {
        const pos = positionIn(editor.state, edit.at);
        if (pos === null || now - edit.when > EDITING_FOR_MS) {
          lastEdits.delete(key);
          continue;
        }
        const side = whereIs(editor.view, pos);
        if (side !== "in view") next.push({ author: edit.author, side, at: edit.at });
      }
      setMarkers((shown) => (sameMarkers(shown, next) ? shown : next));
    };
    let afterEdits: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      frame ??= requestAnimationFrame(refresh);
    };
    const scheduleAfterEdits = () => {
      afterEdits ??= setTimeout(() => {
        afterEdits = null;
        schedule();
      }, AFTER_EDITS_MS);
    };
    const stopListening = onOthersInsertions(editor, doc, isLive, (ranges, binding) => {
      for (const { client, to } of ranges) {
        const author = authorOf(client);
        const at = absolutePositionToRelativePosition(to, binding.type, binding.mapping);
        lastEdits.set(author.key, { author, at, when: Date.now() });
      }
      scheduleAfterEdits();
    });
    window.addEventListener("scroll", schedule, { capture: true, passive: true });
    const expiry = setInterval(() => lastEdits.size > 0 && schedule(), 1000);
    return () => {
      stopListening();
      window.removeEventListener("scroll", schedule, { capture: true });
      clearInterval(expiry);
      clearTimeout(afterEdits ?? undefined);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor, doc, authorOf, isLive]);
  return markers;
}
