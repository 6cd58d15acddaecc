import Collaboration from "@tiptap/extension-collaboration";
import { EditorContent, useEditor } from "@tiptap/react";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { useEffect } from "react";
import { DOCUMENT_FIELD } from "../../party/shared/collabSchema";
import { DOCUMENT_EXTENSIONS } from "../../party/shared/documentSchema";
import { ChangeMark } from "./ChangeMark";
import type { VersionDiff } from "./versionDiff";

interface VersionPreviewProps {
  diff: VersionDiff;
  nameOf: (key: string) => string;
  colorOf: (key: string) => string;
}

/**
 * A version, read-only, with what changed since the version before marked in the colour of
 * who changed it. Its editor is bound to the diff's own throwaway document, never the live one.
 */
export function VersionPreview({ diff, nameOf, colorOf }: VersionPreviewProps) {
  const editor = useEditor(
    {
      editable: false,
      extensions: [
        ...DOCUMENT_EXTENSIONS,
        ChangeMark.configure({ nameOf, colorOf }),
        Collaboration.configure({
          document: diff.doc,
          field: DOCUMENT_FIELD,
          ySyncOptions: { permanentUserData: diff.changeAuthors as never },
        }),
      ],
      editorProps: { attributes: { class: "document-body", "aria-label": "Version preview" } },
      onCreate: ({ editor: created }) => {
        created.view.dispatch(
          created.state.tr.setMeta(ySyncPluginKey, { snapshot: diff.snapshot, prevSnapshot: diff.prevSnapshot }),
        );
      },
    },
    [diff],
  );
  useEffect(() => () => diff.doc.destroy(), [diff]);
  return <EditorContent editor={editor} className="editor" data-testid="version-preview" data-readonly="true" />;
}
