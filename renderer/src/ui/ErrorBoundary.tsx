// Keeps a failure in one region of the page (the board, a panel, the charter) from blanking the
// whole window: the region says what could not be shown, and offers to try again and, where
// one is given, the way back (e.g. the history, to restore what the board held).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../core/i18n';

interface ErrorBoundaryProps {
  /** Which region this is, for the console and tests: "the board", "the charter". */
  readonly region: string;
  /** The region in the reader's language, as the subject of a sentence: "The board". */
  readonly label: string;
  readonly children: ReactNode;
  /** Another way out, e.g. open the history. */
  readonly recovery?: { readonly label: string; readonly run: () => void };
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[bridgeboard] ${this.props.region} could not be shown`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { region, label, recovery } = this.props;
    // A class component cannot use the hooks; what it shows after a failure is worded once, in
    // the language of that moment.
    return (
      <section className="region-failure" role="alert" data-testid="region-failure" data-region={region}>
        <p>{t('ui.regionFailure', { region: label, detail: error.message.slice(0, 200) })}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('ui.tryAgain')}
        </button>{' '}
        {recovery && (
          <button type="button" onClick={recovery.run}>
            {recovery.label}
          </button>
        )}
      </section>
    );
  }
}
