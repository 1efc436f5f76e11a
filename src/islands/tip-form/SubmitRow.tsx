/**
 * The form's submit button: held while a photo is prepared or the submission runs, and saying
 * 重新提交 once an attempt failed (the same submission is sent again).
 */
export function SubmitRow(props: { busy: boolean; failed: boolean; label: string; retryLabel: string }) {
  return (
    <div className="submit-row">
      <button type="submit" className="button-primary" disabled={props.busy} aria-disabled={props.busy}>
        {props.failed ? props.retryLabel : props.label}
      </button>
    </div>
  );
}
