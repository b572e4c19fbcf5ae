import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The focused element, looking inside open shadow roots (ours too, in sandbox builds). */
export function deepActiveElement(doc: Document = document): HTMLElement | undefined {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

interface DialogProps {
  titleId: string;
  /** Escape, or the caller's own cancel button. */
  onCancel(): void;
  /** Where focus goes when the dialog closes; by default whatever had it when it opened. */
  returnFocus?: () => HTMLElement | null | undefined;
  children: ComponentChildren;
}

/**
 * A native modal `<dialog>`: the browser traps focus and turns Escape into `cancel`. Focus
 * goes back to the opener when the dialog is removed.
 */
export function Dialog({ titleId, onCancel, returnFocus, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // Our UI's own shadow root is closed in production: the document sees only its host, so
    // the opener inside it is asked of that root.
    const root = dialog?.getRootNode();
    const ownActive = root instanceof ShadowRoot ? root.activeElement : null;
    const opener = ownActive instanceof HTMLElement ? ownActive : deepActiveElement();
    dialog?.showModal();
    return () => {
      dialog?.close();
      (returnFocus?.() ?? opener)?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
