/**
 * Page source text that defines `afterPaint(then)`, which calls `then` once the main thread has
 * painted the next frame. An animation frame's callback runs before that frame's style, layout
 * and paint; a message posted from it is handled after them (the compositor's raster and display
 * come later still).
 */
export const AFTER_PAINT = `const afterPaint = (then) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => then();
  channel.port2.postMessage(null);
});`;
