import { EditorContent } from "@tiptap/react";
import { useEffect, useState } from "react";
import { displayTitle } from "../party/shared/collabSchema";
import { type DocumentSession, discardUnsavedChanges, resetLinks } from "./collab/documentSession";
import { useConnectionState } from "./collab/useConnectionState";
import { useDocumentSession } from "./collab/useDocumentSession";
import { usePresence } from "./collab/usePresence";
import { usePublishedUser } from "./collab/usePublishedUser";
import { useSessionAccess } from "./collab/useSessionAccess";
import { DocumentHeader } from "./DocumentHeader";
import { SyncErrorBanner } from "./SyncErrorBanner";
import { UnexpectedErrorBanner } from "./UnexpectedErrorBanner";
import { useUnexpectedError } from "./useUnexpectedError";
import { DocumentTitle } from "./editor/DocumentTitle";
import { CommentsPanel } from "./comments/CommentsPanel";
import { useCommentThreads } from "./comments/useCommentThreads";
import { EdgeMarkers } from "./follow/EdgeMarkers";
import { useFollow } from "./follow/useFollow";
import type { Preview } from "./history/HistoryPanel";
import { lazyComponent } from "./lazyComponent";
import { Toolbar } from "./editor/Toolbar";
import { useCollaborativeEditor } from "./editor/useCollaborativeEditor";
import { useDocumentTitle } from "./editor/useDocumentTitle";
import { useUndoableApiChanges } from "./editor/useUndoableApiChanges";
import { rememberDocument } from "./home/recentDocuments";
import { useIdentity } from "./identity/useIdentity";
import { AccessRefusedPage, LostAccessBanner } from "./share/AccessRefused";
import { ReadOnlyNotice } from "./share/ReadOnlyNotice";
import { ReviewBar } from "./review/ReviewBar";
import { REVIEW_PLUGINS, useReview } from "./review/useReview";
import { COMMENT_HIGHLIGHTS } from "./comments/commentHighlights";

// What review and comments draw on the text with.
const EDITOR_PLUGINS = [...REVIEW_PLUGINS, COMMENT_HIGHLIGHTS];

// Version history's code loads when someone opens it.
const { Component: HistoryPanel } = lazyComponent(() =>
  import("./history/HistoryPanel").then((module) => module.HistoryPanel),
);
const { Component: VersionPreview } = lazyComponent(() =>
  import("./history/VersionPreview").then((module) => module.VersionPreview),
);

/** One document, opened with a share link's key (or none, for an open document). */
export function DocumentPage({ docId, linkKey }: { docId: string; linkKey: string | null }) {
  const opening = useDocumentSession(docId, linkKey);
  if (opening.kind === "opening") return <div className="page-loading" aria-busy="true" />;
  if (opening.kind === "refused") return <AccessRefusedPage reason={opening.reason} />;
  return <OpenDocument session={opening.session} />;
}

function OpenDocument({ session }: { session: DocumentSession }) {
  const { docId, doc, provider, connection } = session;
  const { identity, rename } = useIdentity();
  usePublishedUser(provider.awareness, identity);
  const access = useSessionAccess(session.access);
  const { status, refusal, lostAccess } = useConnectionState(connection);
  const people = usePresence(provider.awareness, access.role);
  const canEdit = access.role === "edit" && lostAccess === null;
  const canComment = access.role !== "view" && lostAccess === null;
  const threads = useCommentThreads(doc);
  const editor = useCollaborativeEditor(doc, provider, identity, canEdit, EDITOR_PLUGINS);
  useUndoableApiChanges(editor, doc, provider);
  const review = useReview(session, editor, access.role, identity.id);
  const follow = useFollow(editor, provider.awareness, people);
  const [title, setTitle] = useDocumentTitle(doc);
  const unexpectedError = useUnexpectedError();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const closeHistory = () => {
    setHistoryOpen(false);
    setPreview(null);
  };

  useEffect(() => {
    document.title = `${displayTitle(title)} · Cowrite`;
    rememberDocument(docId, title, access.key, access.role);
  }, [docId, title, access.key, access.role]);

  return (
    <div className="document-page">
      <DocumentHeader
        editor={editor}
        docId={docId}
        access={access}
        canEdit={canEdit}
        title={title}
        status={status}
        people={people}
        follow={follow}
        name={identity.name}
        color={identity.color}
        onRename={rename}
        onResetLinks={() => resetLinks(session)}
        onOpenHistory={access.role === "view" ? undefined : () => setHistoryOpen(true)}
      />
      {canEdit && !preview && <Toolbar editor={editor} />}
      {access.role !== "edit" && <ReadOnlyNotice role={access.role} confirmed={access.confirmed} />}
      {lostAccess && <LostAccessBanner reason={lostAccess} />}
      {refusal && <SyncErrorBanner reason={refusal} onDiscard={() => discardUnsavedChanges(session)} />}
      {unexpectedError && <UnexpectedErrorBanner message={unexpectedError} />}
      {!preview && <ReviewBar review={review} editor={editor} />}
      {!preview && <EdgeMarkers markers={review.edgeMarkers} editor={editor} />}
      <div className="document-area">
        <main className="document-sheet" hidden={preview !== null}>
          <DocumentTitle
            title={title}
            readOnly={!canEdit}
            onChange={setTitle}
            onDone={() => {
              // At once: TipTap's focus waits a frame, and keys typed in it went to the title.
              editor.view.focus();
              editor.commands.focus("start");
            }}
          />
          <EditorContent
            editor={editor}
            className="editor"
            data-testid="editor"
            data-readonly={canEdit ? "false" : "true"}
          />
        </main>
        {preview && (
          <main className="document-sheet document-sheet--version">
            <p className="version-banner">
              {preview.version.name ?? "A version saved automatically"}: what changed since the version before is marked
              in the colour of who changed it.
            </p>
            <VersionPreview
              diff={preview.diff}
              nameOf={(key) => preview.people.get(key)?.name ?? "someone"}
              colorOf={(key) => preview.people.get(key)?.color ?? "#6b7280"}
            />
          </main>
        )}
        {!historyOpen && (
          <CommentsPanel
            session={session}
            editor={editor}
            threads={threads}
            canComment={canComment}
            canEdit={canEdit}
          />
        )}
        {historyOpen && (
          <HistoryPanel
            session={session}
            canEdit={canEdit}
            preview={preview}
            onPreview={setPreview}
            onClose={closeHistory}
          />
        )}
      </div>
    </div>
  );
}
