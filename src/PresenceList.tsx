import type { MouseEvent } from "react";
import type { Role } from "../party/shared/roles";
import type { PresentPerson } from "./collab/presentPeople";
import type { Follow } from "./follow/useFollow";
import { textColorOn } from "./identity/textColorOn";

const ROLE_WORDS: Record<Role, string | null> = { edit: null, comment: "commenting", view: "viewing" };

function initials(name: string): string {
  const words = name.split(" ").filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? "")
    .join("");
}

// Clicking someone leaves the focus where it was: the writer's caret stays in the text.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * Everyone in the document, one avatar each, yours first and marked. Clicking someone else
 * jumps to their caret; their eye button follows it. Names are text, never HTML.
 */
export function PresenceList({ people, follow }: { people: PresentPerson[]; follow: Follow }) {
  return (
    <ul className="presence" data-testid="presence" aria-label="People in this document">
      {people.map((person) => {
        const following = follow.following === person.key;
        const face = (
          <>
            <span
              className="presence-avatar"
              style={{ backgroundColor: person.color, color: textColorOn(person.color) }}
              aria-hidden="true"
            >
              {initials(person.name)}
            </span>
            <span className="presence-name">
              {person.name}
              {person.isSelf && <span className="presence-you"> (you)</span>}
              {ROLE_WORDS[person.role] && <span className="presence-role"> · {ROLE_WORDS[person.role]}</span>}
            </span>
          </>
        );
        return (
          <li
            key={person.key}
            className="presence-user"
            data-testid="presence-user"
            data-self={person.isSelf ? "true" : undefined}
            data-role={person.role}
            data-following={following ? "true" : undefined}
            title={[person.name, person.isSelf ? "(you)" : null, ROLE_WORDS[person.role]].filter(Boolean).join(" ")}
          >
            {person.isSelf ? (
              face
            ) : (
              <>
                <button
                  type="button"
                  className="presence-jump"
                  data-testid="presence-jump"
                  onMouseDown={keepFocus}
                  onClick={() => follow.jumpTo(person.key)}
                >
                  {face}
                </button>
                <button
                  type="button"
                  className="presence-follow"
                  data-testid="follow"
                  aria-pressed={following}
                  aria-label={following ? `Stop following ${person.name}` : `Follow ${person.name}`}
                  title={following ? `Following ${person.name}: act yourself to stop` : `Follow ${person.name}`}
                  onMouseDown={keepFocus}
                  onClick={() => follow.toggle(person.key)}
                >
                  <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
                    <path
                      d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5Z"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.6"
                    />
                    <circle cx="8" cy="8" r="2.2" fill="currentColor" />
                  </svg>
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
