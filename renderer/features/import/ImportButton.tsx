import { openImportWizard } from './import-actions';
import { ImportWizard } from './ImportWizard';

/** The top bar's entry to the import wizard (the wizard renders itself as a dialog when open). */
export function ImportButton() {
  return (
    <>
      <button data-testid="open-import" onClick={openImportWizard}>Import…</button>
      <ImportWizard />
    </>
  );
}
