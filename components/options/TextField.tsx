interface TextFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  /** The inline validation message, tied to the input with aria-describedby. */
  error?: string;
  /** The id of the "Set by your organization" note when policy locks the field. */
  locked?: string;
  onInput(value: string): void;
}

/** A labelled text input with its hint, its error and (when locked) the policy note as descriptions. */
export function TextField({ id, label, hint, value, error, locked, onInput }: TextFieldProps) {
  const describedBy = [locked, error ? `${id}-error` : undefined, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        spellcheck={false}
        autocomplete="off"
        value={value}
        disabled={Boolean(locked)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <p id={`${id}-hint`} class="muted">
        {hint}
      </p>
    </div>
  );
}
