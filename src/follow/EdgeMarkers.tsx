import type { Editor } from "@tiptap/react";
import { displayColor } from "../../party/shared/collabSchema";
import { positionIn } from "../editor/editorBinding";
import { scrollToPosition } from "./scrollToPosition";
import type { EdgeMarker } from "./useEdgeMarkers";

/** At the top and bottom of the view: who is editing beyond it; clicking one scrolls there. Names are text only. */
export function EdgeMarkers({ markers, editor }: { markers: EdgeMarker[]; editor: Editor }) {
  const goTo = (marker: EdgeMarker) => {
    const pos = editor.isDestroyed ? null : positionIn(editor.state, marker.at);
    if (pos !== null) scrollToPosition(editor.view, pos);
  };
  return (
    <>
      {(["above", "below"] as const).map((side) => {
        const onSide = markers.filter((marker) => marker.side === side);
        if (onSide.length === 0) return null;
        return (
          <div key={side} className={`edge-markers edge-markers--${side}`}>
            {onSide.map((marker) => (
              <button
                key={marker.author.key}
                type="button"
                className="edge-marker"
                data-testid="edge-marker"
                data-side={side}
                style={{ borderColor: displayColor(marker.author.color) }}
                onClick={() => goTo(marker)}
              >
                {marker.author.name} is editing {side} {side === "above" ? "↑" : "↓"}
              </button>
            ))}
          </div>
        );
      })}
    </>
  );
}
