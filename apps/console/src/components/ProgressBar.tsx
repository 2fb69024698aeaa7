/**
 * A long job's progress: a native progress bar with its label, and the figure in words both for
 * screen readers (aria-valuetext, and a live status line) and for browsers without the element.
 */
export function ProgressBar(props: {
  id: string;
  className: string;
  testId: string;
  label: string;
  percent: number;
  text: string;
}) {
  return (
    <div className={props.className} data-testid={props.testId}>
      <label htmlFor={props.id}>{props.label}</label>
      <progress id={props.id} max={100} value={props.percent} aria-valuetext={props.text}>
        {props.text}
      </progress>
      <span role="status">{props.text}</span>
    </div>
  );
}
