import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from "react";

import { fill, STRINGS } from "../../lib/strings";
import { reasonPageStarts } from "./reason-pages";

interface TProps {
  legend: string;
  reasons: readonly { code: string; label: string }[];
  chosen: readonly string[];
  onToggle: (code: string) => void;
  /** what went wrong (no reason for a 差评, storing failed): said in the title's place, so it costs no room */
  error: string | null;
  /** the screen the step must fit; when its size changes (a turned tablet, 大字) the pages are laid out again */
  screen: RefObject<HTMLElement | null>;
}

/**
 * "whole": every reason laid out without a pager, to see whether they all fit; "paged": laid out
 * again beside the pager, to find where pages break; "done": the page starts found.
 */
type TLayout = { phase: "whole" } | { phase: "paged" } | { phase: "done"; starts: number[] };

/**
 * The evaluator's reasons of the chosen level: as many as fit the room the step leaves, the rest
 * on further pages behind big 上一页/下一页 buttons, so nothing on the screen ever scrolls (a list
 * scrolled inside a box hides reasons from a citizen who does not know to swipe). Pages are
 * measured on the laid-out list, before paint, so a citizen never sees a reason cut in half.
 */
export function PagedReasonPicker(props: TProps) {
  const titleId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<TLayout>({ phase: "whole" });
  const [page, setPage] = useState(0);
  // The list's height when its pages were measured: all the room the step left it.
  const measuredRoom = useRef(0);
  const count = props.reasons.length;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (layout.phase === "done" || !list) return;
    measuredRoom.current = list.clientHeight;
    const style = getComputedStyle(list);
    const top = list.getBoundingClientRect().top + list.clientTop;
    const room = list.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
    const boxes = [...list.children].map((button) => {
      const box = button.getBoundingClientRect();
      return { top: box.top - top, bottom: box.bottom - top };
    });
    const starts = reasonPageStarts(boxes, room);
    if (layout.phase === "whole" && starts.length > 1) setLayout({ phase: "paged" });
    else setLayout({ phase: "done", starts: layout.phase === "whole" ? [0] : starts });
  }, [layout]);

  // The pages are laid out again from the first when the screen changes size (a turned tablet,
  // 大字 switched), or when the list lost room to something above or below it (an error line)
  // and now cuts its page.
  const { screen } = props;
  useEffect(() => {
    const element = screen.current;
    const list = listRef.current;
    if (!element || !list) return;
    let last = `${element.clientWidth}×${element.clientHeight}`;
    const again = () => {
      setPage(0);
      setLayout({ phase: "whole" });
    };
    const screenObserver = new ResizeObserver(() => {
      const now = `${element.clientWidth}×${element.clientHeight}`;
      if (now === last) return;
      last = now;
      again();
    });
    const listObserver = new ResizeObserver(() => {
      if (list.scrollHeight > list.clientHeight + 1 && list.clientHeight < measuredRoom.current - 0.5) again();
    });
    screenObserver.observe(element);
    listObserver.observe(list);
    return () => {
      screenObserver.disconnect();
      listObserver.disconnect();
    };
  }, [screen]);

  const error = props.error ? (
    <p className="error reasons-error" role="alert">
      {props.error}
    </p>
  ) : null;
  if (count === 0) return error;
  const starts = layout.phase === "done" ? layout.starts : [0];
  const pages = starts.length;
  const current = Math.min(page, pages - 1);
  const from = layout.phase === "done" ? (starts[current] ?? 0) : 0;
  const to = layout.phase === "done" ? (starts[current + 1] ?? count) : count;
  const showPager = layout.phase === "paged" || pages > 1;

  return (
    <section className="reasons" role="group" aria-labelledby={titleId}>
      <div className="reasons-head">
        <h2 id={titleId} className={error ? "visually-hidden" : "reasons-title"}>
          {props.legend}
        </h2>
        {error}
        {showPager ? (
          <div className="reason-pager">
            <button type="button" className="reason-page" disabled={current === 0} onClick={() => setPage(current - 1)}>
              {STRINGS.previousPage}
            </button>
            <span className="reason-page-count" aria-live="polite">
              {fill(STRINGS.pageOf, { page: current + 1, pages })}
            </span>
            <button
              type="button"
              className="reason-page"
              disabled={current >= pages - 1}
              onClick={() => setPage(current + 1)}
            >
              {STRINGS.nextPage}
            </button>
          </div>
        ) : null}
      </div>
      <div className="reason-list" ref={listRef}>
        {props.reasons.slice(from, to).map((reason) => (
          <button
            key={reason.code}
            type="button"
            className="reason"
            aria-pressed={props.chosen.includes(reason.code)}
            onClick={() => props.onToggle(reason.code)}
          >
            {reason.label}
          </button>
        ))}
      </div>
    </section>
  );
}
