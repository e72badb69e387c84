import { useEditingStore } from './editing-store';

/**
 * Asks before unsaved map edits would be thrown away (e.g. by opening another scenario).
 * True when there is nothing to lose or the user agrees to discard.
 */
export function confirmDiscardEdits(action: string): boolean {
  if (!useEditingStore.getState().dirty) return true;
  return window.confirm(`You have unsaved edits in this scenario. Discard them and ${action}? (Cancel keeps them; Save writes them as a new version.)`);
}
