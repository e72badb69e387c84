import { openImportWizard } from './import-actions';
import { ImportWizard } from './ImportWizard';
import { useReadOnlyReason } from '../../state/read-only';

/** The top bar's entry to the import wizard (the wizard renders itself as a dialog when open). */
export function ImportButton() {
  const readOnly = useReadOnlyReason();
  return (
    <>
      <button data-testid="open-import" disabled={!!readOnly} title={readOnly ?? 'Import accounts or reps from a CSV or Excel file'} onClick={openImportWizard}>Import…</button>
      <ImportWizard />
    </>
  );
}
