import { useState } from "react";
import { cleanName, MAX_NAME_LENGTH } from "./identity/friendlyIdentity";

interface NameFieldProps {
  name: string;
  color: string;
  onRename: (typed: string) => void;
}

/** Your display name, editable in place; applied as you type, and tidied on Enter or leaving the field. */
export function NameField({ name, color, onRename }: NameFieldProps) {
  const [draft, setDraft] = useState(name);
  const [shownName, setShownName] = useState(name);
  // Follow renames made elsewhere (another tab), but keep what is being typed here.
  if (name !== shownName) {
    setShownName(name);
    if (cleanName(draft) !== name) setDraft(name);
  }

  return (
    <label className="name-field" title="Your name, as others see it">
      <span className="name-swatch" style={{ backgroundColor: color }} aria-hidden="true" />
      <span className="visually-hidden">Your name</span>
      <input
        data-testid="user-name"
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setDraft(event.target.value);
          onRename(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") event.currentTarget.blur();
        }}
        // An emptied field goes back to the name everyone sees.
        onBlur={() => setDraft(name)}
      />
    </label>
  );
}
