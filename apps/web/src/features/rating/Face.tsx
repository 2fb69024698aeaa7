import type { TLevel } from "@hcp/domain/citizen";

// Mouth curves from a broad smile (5) to a frown (1); drawn, not emoji, so every tablet renders them.
const MOUTHS: Record<TLevel, string> = {
  5: "M30 60 Q50 82 70 60",
  4: "M32 62 Q50 74 68 62",
  3: "M33 66 L67 66",
  2: "M32 70 Q50 60 68 70",
  1: "M30 74 Q50 54 70 74",
};

export function Face(props: { level: TLevel }) {
  return (
    <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="36" cy="40" r="6" fill="currentColor" />
      <circle cx="64" cy="40" r="6" fill="currentColor" />
      <path d={MOUTHS[props.level]} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
