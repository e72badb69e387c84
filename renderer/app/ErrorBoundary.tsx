import { Component, type ReactNode } from 'react';

type State = { error: Error | null };

/** Last line of defence: a render crash shows what happened and what to do instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert" data-testid="fatal-error">
        <h1>Tessera stopped drawing this window</h1>
        <p>{this.state.error.message}</p>
        <p>Your workspace is saved. Reload the window (Ctrl+R); if it happens again, report the message above.</p>
      </div>
    );
  }
}
