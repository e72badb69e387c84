import type { ShareSignature } from '../../shared/contracts/app-api';
import { signatureText } from '../../shared/domain/scenario/share-signature';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { ExportMenu } from '../features/export/ExportMenu';
import { ImportButton } from '../features/import/ImportButton';
import { ScenarioPicker } from './ScenarioPicker';
import { goBackToWorkspace } from '../features/scenarios/scenarios-actions';
import { canUsePaths } from '../api/client';
import { NewWorkspaceDialog } from '../features/scenarios/NewWorkspaceDialog';
import { openNewWorkspace } from '../features/scenarios/new-workspace-store';

/** Short text of a share file's signature; the full sentence (signatureText) is its tooltip. */
function shareBadge(sig: ShareSignature): string {
  if (sig.status === 'unsigned') return 'Unsigned';
  return `Signed by ${sig.trustedName ?? sig.signer} · key ${sig.fingerprint.slice(0, 9)}…${sig.trusted ? '' : ' (untrusted key)'}`;
}

/** Brand, workspace and scenario; the version line says who saved what and when. */
export function TopBar() {
  const workspace = useDatasetStore((s) => s.workspace);
  const current = useScenarioStore((s) => s.current);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">Tessera</span>
      </div>
      <div className="topbar__workspace" data-testid="workspace-name">
        <span className="topbar__title">{workspace?.name ?? 'Opening workspace…'}</span>
        {workspace?.isDemo ? <span className="badge">Demo</span> : null}
        {workspace?.readOnly ? <span className="badge badge--warn">Read-only</span> : null}
        {workspace?.share ? (
          <span className={`badge${workspace.share.signature.status === 'signed' && workspace.share.signature.trusted ? '' : ' badge--warn'}`} data-testid="share-signature" title={signatureText(workspace.share.signature)}>
            {shareBadge(workspace.share.signature)}
          </span>
        ) : null}
        {workspace?.integrity?.damage.length ? (
          <span className="badge badge--warn" data-testid="workspace-damage" title={workspace.integrity.damage.join('\n')}>
            Damaged: {workspace.integrity.damage.length} part{workspace.integrity.damage.length === 1 ? '' : 's'} left out or flagged
          </span>
        ) : null}
        {workspace ? <span className="topbar__muted">{workspace.datasetName}</span> : null}
        {workspace?.returnTo ? (
          <button type="button" className="topbar__back" data-testid="workspace-back" title="Close the client share file and reopen your own workspace as you left it" onClick={() => void goBackToWorkspace()}>
            ← Back to {workspace.returnTo}
          </button>
        ) : null}
      </div>
      <div className="topbar__spacer" />
      {canUsePaths ? null : (
        <button data-testid="open-new-workspace" title="Start a workspace from your own data (or the demo)" onClick={() => openNewWorkspace()}>New workspace…</button>
      )}
      <NewWorkspaceDialog />
      <ImportButton />
      <ExportMenu />
      <ScenarioPicker />
      {current ? (
        <div className="topbar__version" data-testid="scenario-version">
          v{current.version} · {current.author || 'unknown author'} · {current.createdAt.slice(0, 10)}
        </div>
      ) : null}
    </header>
  );
}
