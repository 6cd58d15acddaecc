import type { Page } from "@playwright/test";
import { docRoomName } from "../party/shared/roomName";

/**
 * Puts a Yjs update into this browser's copy of a document, as y-indexeddb keeps it, the way
 * an older version of the app could have left it. Call on a page of the app's origin.
 */
export async function seedDeviceCopy(page: Page, docId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ name, bytes }) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => {
          open.result.createObjectStore("updates", { autoIncrement: true });
          open.result.createObjectStore("custom");
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction("updates", "readwrite");
          transaction.objectStore("updates").add(new Uint8Array(bytes));
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      });
    },
    { name: `cowrite:${docRoomName(docId)}`, bytes: [...update] },
  );
}
