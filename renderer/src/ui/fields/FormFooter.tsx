/** The end of every form: the form-level message, then Save and Cancel. */
export function FormFooter({
  error,
  saving,
  submitLabel,
  onCancel,
  cancelLabel = 'Cancel',
  danger = false,
}: {
  error: string | null;
  saving: boolean;
  submitLabel: string;
  onCancel(): void;
  cancelLabel?: string;
  /** The submit undoes something (cancel, decline): shown in red. */
  danger?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={saving}
          // Keep focus in the field: its blur would show a message above, move this button
          // down between mouse-down and mouse-up, and swallow the click.
          onMouseDown={(e) => e.preventDefault()}
        >
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
