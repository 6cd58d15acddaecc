/**
 * A browser's own secret, sent with its connections (`?writer=<key>`) and never shown to
 * anyone: the Yjs client ids it first writes under are its own, so no one else can add
 * changes under them, while its tabs, and its offline changes from earlier sessions, can.
 */
export const WRITER_KEY_PARAM = "writer";
export const MAX_WRITER_KEY_LENGTH = 128;
