/**
 * Page source text that defines `afterPaint(then)`, which calls `then` once the next frame is
 * painted. An animation frame's callback runs before that frame's style, layout and paint; a
 * message posted from it is handled after them.
 */
export const AFTER_PAINT = `const afterPaint = (then) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => then();
  channel.port2.postMessage(null);
});`;
