import { create } from 'zustand';

/** Whether the New workspace dialog is open, and the name it was opened with. */
export const useNewWorkspaceStore = create<{ open: boolean; name: string }>(() => ({ open: false, name: '' }));

/** Opens the New workspace dialog (browser mode; the desktop app has File ▸ New Workspace). */
export function openNewWorkspace(name = ''): void {
  useNewWorkspaceStore.setState({ open: true, name });
}

/** Closes the New workspace dialog. */
export function closeNewWorkspace(): void {
  useNewWorkspaceStore.setState({ open: false, name: '' });
}
