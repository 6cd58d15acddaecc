import { Extension } from "@tiptap/core";
import { Plugin, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from "@tiptap/pm/transform";
import { removeForbiddenLinks } from "../../party/shared/forbiddenLinks";

/** Whether a step may bring a link in: adds a link mark, or puts in content that has one. */
function bringsLink(step: Step): boolean {
  if (step instanceof AddMarkStep) return step.mark.type.name === "link";
  if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false;
  let found = false;
  step.slice.content.descendants((node) => {
    found ||= node.marks.some((mark) => mark.type.name === "link");
    return !found;
  });
  return found;
}

/** The plugin of AllowedLinksOnly, on its own for tests. */
export function allowedLinksOnly(): Plugin {
  return new Plugin({
    appendTransaction: (transactions: readonly Transaction[], _before, state) => {
      if (!transactions.some((transaction) => transaction.steps.some(bringsLink))) return null;
      const transaction = state.tr;
      return removeForbiddenLinks(transaction) ? transaction : null;
    },
  });
}

/**
 * A link the server would refuse never reaches the document: pasting `ftp://…` over a selection
 * links it unchecked in TipTap, and the refused change would stop this page saving.
 */
export const AllowedLinksOnly = Extension.create({
  name: "allowedLinksOnly",
  addProseMirrorPlugins: () => [allowedLinksOnly()],
});
