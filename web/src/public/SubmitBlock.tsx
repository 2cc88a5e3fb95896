/** A public page's failure line and its main button, which says what it is doing while busy. */
export function SubmitBlock(props: {
  failure: string | null;
  failureTestId?: string;
  testId: string;
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <>
      {props.failure && (
        <div className="pub-alert" role="alert" data-testid={props.failureTestId}>
          {props.failure}
        </div>
      )}
      <button
        type="button"
        className="pub-btn"
        data-testid={props.testId}
        disabled={props.disabled || props.busy}
        onClick={props.onClick}
      >
        {props.busy ? props.busyLabel : props.label}
      </button>
    </>
  );
}
