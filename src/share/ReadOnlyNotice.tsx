import type { Role } from "../../party/shared/roles";

const NOTICES: Record<Exclude<Role, "edit">, string> = {
  view: "You are viewing this document: you see changes live, but you cannot change it.",
  comment:
    "You can comment on this document, not change it. Comments are not here yet: for now you see changes live, as a viewer does.",
};

/** Says plainly that this page cannot change the document, and why. */
export function ReadOnlyNotice({ role, confirmed }: { role: Exclude<Role, "edit">; confirmed: boolean }) {
  return (
    <p className="readonly-notice" role="status" data-testid="readonly-notice" data-role={role}>
      {confirmed ? NOTICES[role] : "Read-only until Cowrite can reach its server and check this link."}
    </p>
  );
}
