import { ConnectionIndicator } from "./ConnectionIndicator";
import { CopyLinkButton } from "./CopyLinkButton";
import { ExportButtons } from "./ExportButtons";
import { ImportButton } from "./ImportButton";
import type { Editor } from "@tiptap/react";
import type { PresentPerson } from "./collab/presentPeople";
import type { ConnectionStatus } from "./collab/connectionTracker";
import { NameField } from "./NameField";
import { NewDocumentButton } from "./NewDocumentButton";
import { PresenceList } from "./PresenceList";

interface DocumentHeaderProps {
  editor: Editor;
  title: string;
  status: ConnectionStatus;
  people: PresentPerson[];
  name: string;
  color: string;
  onRename: (typed: string) => void;
}

/** The bar above a document: the app, the connection, who is here, your name, export, import and sharing. */
export function DocumentHeader({ editor, title, status, people, name, color, onRename }: DocumentHeaderProps) {
  return (
    <header className="document-header">
      <a className="brand" href="/" aria-label="Cowrite home">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        <span>Cowrite</span>
      </a>
      <ConnectionIndicator status={status} />
      <div className="document-header-end">
        <PresenceList people={people} />
        <NameField name={name} color={color} onRename={onRename} />
        <ExportButtons editor={editor} title={title} />
        <ImportButton />
        <NewDocumentButton />
        <CopyLinkButton />
      </div>
    </header>
  );
}
