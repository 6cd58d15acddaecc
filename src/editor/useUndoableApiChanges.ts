import type { Editor } from "@tiptap/react";
import { ySyncPluginKey, yUndoPluginKey } from "@tiptap/y-tiptap";
import { useEffect } from "react";
import type YPartyKitProvider from "y-partykit/provider";
import * as Y from "yjs";
import { onApiChanges } from "../collab/onApiChanges";

/**
 * Applies changes made through the HTTP API as if this editor had made them, each as an
 * undo step of its own, so its undo (which only takes back its own changes) can take them back.
 */
export function useUndoableApiChanges(editor: Editor, doc: Y.Doc, provider: YPartyKitProvider): void {
  useEffect(
    () =>
      onApiChanges(provider, (update) => {
        const undoManager = yUndoPluginKey.getState(editor.state)?.undoManager;
        undoManager?.stopCapturing();
        Y.applyUpdate(doc, update, ySyncPluginKey);
        undoManager?.stopCapturing();
      }),
    [editor, doc, provider],
  );
}
