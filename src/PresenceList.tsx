import type { Role } from "../party/shared/roles";
import type { PresentPerson } from "./collab/presentPeople";

const ROLE_WORDS: Record<Role, string | null> = { edit: null, comment: "commenting", view: "viewing" };

function initials(name: string): string {
  const words = name.split(" ").filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? "")
    .join("");
}

/** Everyone in the document, one avatar each, yours first and marked. Names are text, never HTML. */
export function PresenceList({ people }: { people: PresentPerson[] }) {
  return (
    <ul className="presence" data-testid="presence" aria-label="People in this document">
      {people.map((person) => (
        <li
          key={person.key}
          className="presence-user"
          data-testid="presence-user"
          data-self={person.isSelf ? "true" : undefined}
          data-role={person.role}
          title={[person.name, person.isSelf ? "(you)" : null, ROLE_WORDS[person.role]].filter(Boolean).join(" ")}
        >
          <span className="presence-avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
            {initials(person.name)}
          </span>
          <span className="presence-name">
            {person.name}
            {person.isSelf && <span className="presence-you"> (you)</span>}
            {ROLE_WORDS[person.role] && <span className="presence-role"> · {ROLE_WORDS[person.role]}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
