import { Mark } from "@tiptap/core";
import { displayColor } from "../../party/shared/collabSchema";

export interface ChangeMarkOptions {
  /** The name to show for an author key. */
  nameOf: (key: string) => string;
  /** The colour for an author key. */
  colorOf: (key: string) => string;
}

interface YChange {
  user: string;
  type: "added" | "removed";
}

/**
 * y-tiptap marks what a snapshot diff added or removed with a `ychange` mark. It exists only
 * in the version preview's editor: a schema without it makes y-tiptap delete the content it
 * cannot show, and the live document must never have it.
 */
export const ChangeMark = Mark.create<ChangeMarkOptions>({
  name: "ychange",
  inclusive: false,
  addOptions() {
    return { nameOf: (key) => key, colorOf: () => "#6b7280" };
  },
  addAttributes() {
    return { user: { default: null }, type: { default: null }, color: { default: null } };
  },
  renderHTML({ mark }) {
    const { user, type } = mark.attrs as YChange;
    const verb = type === "added" ? "Added" : "Deleted";
    return [
      type === "added" ? "ins" : "del",
      {
        class: `version-change version-change--${type}`,
        "data-testid": `version-${type === "added" ? "insertion" : "deletion"}`,
        "data-author": user,
        title: `${verb} by ${this.options.nameOf(user)}`,
        style: `--author-color: ${displayColor(this.options.colorOf(user))}`,
      },
      0,
    ];
  },
});
