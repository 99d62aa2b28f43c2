/** The unread count the top bar shows, read once a minute and again whenever the inbox changes. */
import { get } from "../../api/client";
import { createStore, useStore } from "../../store";

const unread = createStore<number>(0);

export async function refreshUnread(): Promise<void> {
  try {
    const box = await get<{ unread: number }>("/api/me/inbox", { limit: 1 });
    unread.set(box.unread);
  } catch {
    // signed out or offline: keep the last count
  }
}

export function useUnread(): number {
  return useStore(unread);
}
