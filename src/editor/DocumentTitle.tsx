import { MAX_TITLE_LENGTH, UNTITLED } from "../../party/shared/collabSchema";

interface DocumentTitleProps {
  title: string;
  /** For a page that may not change the document. */
  readOnly: boolean;
  onChange: (title: string) => void;
  /** Enter leaves the title for the text, as in other editors. */
  onDone: () => void;
}

/** The document's title, edited in place above the text and shared live like it. */
export function DocumentTitle({ title, readOnly, onChange, onDone }: DocumentTitleProps) {
  return (
    <input
      className="document-title"
      data-testid="doc-title"
      aria-label="Document title"
      placeholder={UNTITLED}
      value={title}
      readOnly={readOnly}
      maxLength={MAX_TITLE_LENGTH}
      spellCheck={false}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          onDone();
        }
      }}
    />
  );
}
