import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Extension } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import type { Plugin } from "@tiptap/pm/state";
import { type Editor, useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type YPartyKitProvider from "y-partykit/provider";
import type * as Y from "yjs";
import { type AwarenessUser, DOCUMENT_FIELD } from "../../party/shared/collabSchema";
import { DOCUMENT_EXTENSIONS } from "../../party/shared/documentSchema";
import { AllowedLinksOnly } from "./allowedLinksOnly";
import { KeepOwnSelection } from "./keepOwnSelection";
import { LocalTableFixes } from "./localTableFixes";
import { OpenLinkOnModClick } from "./openLinkOnModClick";
import { CaretsAfterOwnChanges, othersOnlyAwareness } from "./othersCarets";
import { RemoteTextAsWritten } from "./remoteTextAsWritten";
import { WordLists } from "./wordLists";
import { renderCaret } from "./renderCaret";

/**
 * A TipTap editor bound to a Yjs document: the document's content comes only from
 * Yjs (never from an initial `content`, which would duplicate on every load), and
 * undo/redo is Yjs' per-user undo manager, so it never undoes a collaborator's work.
 * A page that may not change the document gets an editor that takes no input. `plugins` are
 * the page's own (decoration layers): they are part of the editor from its creation, since a
 * plugin registered later rebuilds every plugin's view, the Yjs binding's too, which then
 * draws the whole document again.
 */
export function useCollaborativeEditor(
  doc: Y.Doc,
  provider: YPartyKitProvider,
  user: AwarenessUser,
  editable: boolean,
  plugins: readonly Plugin[],
): Editor {
  // The caret extension only takes its first user; later renames go through awareness.
  const [firstUser] = useState(user);
  const editor = useEditor(
    {
      editable,
      extensions: [
        ...DOCUMENT_EXTENSIONS,
        KeepOwnSelection.configure({ document: doc }),
        Collaboration.configure({ document: doc, field: DOCUMENT_FIELD }),
        CollaborationCaret.configure({
          provider: { awareness: othersOnlyAwareness(provider.awareness) },
          user: firstUser,
          render: renderCaret,
        }),
        CaretsAfterOwnChanges,
        Placeholder.configure({ placeholder: "Start writing…" }),
        LocalTableFixes,
        AllowedLinksOnly,
        OpenLinkOnModClick,
        RemoteTextAsWritten,
        WordLists,
        Extension.create({ name: "pagePlugins", addProseMirrorPlugins: () => [...plugins] }),
      ],
      editorProps: {
        attributes: { class: "document-body", role: "textbox", "aria-label": "Document", "aria-multiline": "true" },
      },
    },
    [doc, provider],
  );
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return editor;
}
