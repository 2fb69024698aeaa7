/** A laid-out reason button: its top and bottom edge in CSS px, in reading order. */
export interface TReasonBox {
  top: number;
  bottom: number;
}

/**
 * Where each page of reasons starts, given every reason's box as laid out in one list and the
 * height the list may take. A page holds whole rows (reasons sharing a top edge), so a page
 * shown alone lays out exactly as its rows did here; a row taller than the room still gets a
 * page of its own.
 */
export function reasonPageStarts(boxes: readonly TReasonBox[], room: number): number[] {
  const starts: number[] = [];
  let pageTop = 0;
  let index = 0;
  while (index < boxes.length) {
    const rowTop = boxes[index]?.top ?? 0;
    let rowEnd = index;
    let rowBottom = rowTop;
    // A row: the following reasons whose top is the row's (within half a pixel).
    while (rowEnd < boxes.length && Math.abs((boxes[rowEnd]?.top ?? 0) - rowTop) < 0.5) {
      rowBottom = Math.max(rowBottom, boxes[rowEnd]?.bottom ?? rowTop);
      rowEnd += 1;
    }
    if (starts.length === 0 || rowBottom - pageTop > room + 0.5) {
      starts.push(index);
      pageTop = rowTop;
    }
    index = rowEnd;
  }
  return starts;
}
