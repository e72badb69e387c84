import type { ExportTable } from '../../../shared/contracts/app-api';
import { api } from '../../api/client';
import { messageOf, reportError } from '../../state/ui-actions';
import { downloadBase64 } from '../report/download';

/** Builds an .xlsx of the tables in the services (exceljs stays out of the renderer bundle) and downloads it. */
export async function downloadXlsx(fileName: string, tables: ExportTable[]): Promise<boolean> {
  try {
    const res = await api['export.xlsx']({ fileName, tables });
    if (!res.ok) {
      reportError({ id: 'xlsx-export', title: 'Excel export refused', detail: res.error.message, action: 'Filter the rows or use the CSV export.' });
      return false;
    }
    downloadBase64(res.value.fileName, res.value.content ?? '', res.value.mimeType);
    return true;
  } catch (e) {
    reportError({ id: 'xlsx-export', title: 'Excel export failed', detail: messageOf(e), action: 'Try again, or use the CSV export.' });
    return false;
  }
}
