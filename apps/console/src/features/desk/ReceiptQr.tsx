import { create } from "qrcode";
import { useMemo } from "react";

/** Quiet zone the QR standard asks for, in modules. */
const QUIET_ZONE = 4;

/**
 * The QR code as SVG drawn from the `qrcode` matrix: sharp at any printer resolution, no canvas
 * or innerHTML. Level M survives a crease or a smudge on a paper receipt. The encoded URL is on
 * `data-qr-url` so a test (or a clerk) can read what the code says.
 */
export function ReceiptQr(props: { url: string; label: string }) {
  const { size, path } = useMemo(() => {
    const matrix = create(props.url, { errorCorrectionLevel: "M" }).modules;
    let d = "";
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        if (matrix.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { size: matrix.size + QUIET_ZONE * 2, path: d };
  }, [props.url]);

  return (
    <svg
      className="receipt-qr"
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={props.label}
      data-qr-url={props.url}
      data-testid="receipt-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
