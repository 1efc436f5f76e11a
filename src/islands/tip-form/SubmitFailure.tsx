import { useEffect, useRef } from 'react';

/**
 * Why a submission failed, with its heading: focused when it appears, so a screen reader reads it
 * and a sighted informant sees it next to the retry button. Nothing typed is lost: the form keeps it.
 */
export function SubmitFailure(props: { id: string; title: string; heading: 'h2' | 'h4'; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [props.message]);
  const Heading = props.heading;
  return (
    <div className="submit-failure" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${props.id}-title`}>
      <Heading id={`${props.id}-title`}>{props.title}</Heading>
      <p>{props.message}</p>
    </div>
  );
}
