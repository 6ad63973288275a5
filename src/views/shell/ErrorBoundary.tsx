import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What to show instead when rendering below fails. */
  fallback: ReactNode;
}

/**
 * Catches render errors so a failure shows an explanation, never a blank page or a stack trace.
 * It deliberately does not log the error: messages may carry patient data (see main.tsx's root error handlers).
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
