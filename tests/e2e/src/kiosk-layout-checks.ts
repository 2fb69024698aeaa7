import type { Page } from "playwright-core";

/** The evaluator tablets a hall buys: 10.1″ and 15.6″ landscape, a 1024 × 768 4:3 panel, and a portrait stand. */
export const KIOSK_SCREENS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 800, height: 1280 },
] as const;

/**
 * Where a face's label may wrap: between its words, never inside one ("非常满/意" is the defect).
 * Keyed by the label; each entry lists the label's words in order.
 */
const LABEL_WORDS: Readonly<Record<string, readonly string[]>> = {
  非常满意: ["非常", "满意"],
  满意: ["满意"],
  基本满意: ["基本", "满意"],
  不满意: ["不满意"],
  非常不满意: ["非常", "不满意"],
};

export interface TFaceBox {
  level: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** the label split at its line breaks, as laid out */
  lines: string[];
}

interface TScreenFitRegion {
  selector: string;
  clientHeight: number;
  scrollHeight: number;
}

export interface TScreenFit {
  viewport: { width: number; height: number };
  scrollWidth: number;
  scrollHeight: number;
  /** the evaluator's header (title, window, 大字/静音) */
  header: { top: number; bottom: number } | null;
  /** every button, field and heading of the step that lies partly outside the viewport, or is cut by a box around it */
  outside: string[];
  /** the page's own scroll position: the header is never scrolled away */
  scrollY: number;
  /** regions that scroll inside the screen, with how much they hide */
  scrolledRegions: TScreenFitRegion[];
}

/** Every rating face's box and its label's lines, in DOM order. */
export function faceBoxes(page: Page, labels: Readonly<Record<string, string>>): Promise<TFaceBox[]> {
  return page.evaluate((labelOf) => {
    return [...document.querySelectorAll<HTMLElement>("[data-rating-level]")].map((button) => {
      const level = button.getAttribute("data-rating-level") ?? "";
      const label = labelOf[level] ?? "";
      const box = button.getBoundingClientRect();
      // The label's characters, wherever the markup puts them (one text node or one per word);
      // each character's line is its rect's top.
      const chars: { node: Text; offset: number }[] = [];
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let offset = 0; offset < (node.textContent ?? "").length; offset++)
          chars.push({ node: node as Text, offset });
      }
      const text = chars.map((char) => char.node.data[char.offset]).join("");
      const start = text.indexOf(label);
      const lines: string[] = [];
      let lastTop: number | null = null;
      for (let i = 0; start >= 0 && i < label.length; i++) {
        const char = chars[start + i];
        if (!char) break;
        const range = document.createRange();
        range.setStart(char.node, char.offset);
        range.setEnd(char.node, char.offset + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        const letter = label[i] ?? "";
        if (lastTop === null || Math.abs(top - lastTop) > 2) lines.push(letter);
        else lines[lines.length - 1] = `${lines.at(-1) ?? ""}${letter}`;
        lastTop = top;
      }
      return { level, label, x: box.x, y: box.y, width: box.width, height: box.height, lines };
    });
  }, labels);
}

/** Whether the current step fits the screen: no page scrolling, header and every control inside the viewport. */
export function screenFit(page: Page): Promise<TScreenFit> {
  return page.evaluate(() => {
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const scroller = document.scrollingElement ?? document.documentElement;
    const header = document.querySelector(".kiosk-header")?.getBoundingClientRect();
    const outside: string[] = [];
    const scrolledRegions: TScreenFitRegion[] = [];
    const scrolls = (element: Element) =>
      /(auto|scroll)/.test(getComputedStyle(element).overflowY) && element.scrollHeight > element.clientHeight + 1;
    for (const element of document.querySelectorAll<HTMLElement>('[data-testid="kiosk"] *')) {
      if (element.classList.contains("kiosk-main") || !scrolls(element)) continue;
      scrolledRegions.push({
        selector: `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`,
        clientHeight: element.clientHeight,
        scrollHeight: element.scrollHeight,
      });
    }
    for (const element of document.querySelectorAll<HTMLElement>(
      '[data-testid="kiosk"] :is(button, textarea, input, h1, h2, legend, label)',
    )) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 20)}" ${Math.round(box.top)}–${Math.round(box.bottom)}`;
      if (box.top < -0.5 || box.left < -0.5 || box.bottom > viewport.height + 0.5 || box.right > viewport.width + 0.5)
        outside.push(name);
      // Inside the viewport but cut off by a box that hides its overflow (a list shown a page at a time).
      for (let clip = element.parentElement; clip && clip !== scroller; clip = clip.parentElement) {
        if (getComputedStyle(clip).overflow === "visible") continue;
        const area = clip.getBoundingClientRect();
        if (
          box.top < area.top - 0.5 ||
          box.bottom > area.bottom + 0.5 ||
          box.left < area.left - 0.5 ||
          box.right > area.right + 0.5
        ) {
          outside.push(`${name} cut by ${clip.tagName.toLowerCase()}.${[...clip.classList].join(".")}`);
          break;
        }
      }
    }
    return {
      viewport,
      scrollWidth: scroller.scrollWidth,
      scrollHeight: scroller.scrollHeight,
      header: header ? { top: header.top, bottom: header.bottom } : null,
      outside,
      scrollY: window.scrollY,
      scrolledRegions,
    };
  });
}

/** Label lines that split a word: each line must be whole words of the label. */
export function brokenWords(face: TFaceBox): string[] {
  const words = LABEL_WORDS[face.label] ?? [face.label];
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const word of words) {
    at += word.length;
    boundaries.add(at);
  }
  const broken: string[] = [];
  let offset = 0;
  for (const line of face.lines) {
    if (!boundaries.has(offset) || !boundaries.has(offset + line.length)) broken.push(line);
    offset += line.length;
  }
  if (face.lines.join("") !== face.label) broken.push(`label not found: ${face.label}`);
  return broken;
}
