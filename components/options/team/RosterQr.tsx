import { useMemo } from "react";
import { create } from "qrcode";
import { t, type Locale } from "@/lib/i18n";

/** The quiet zone around the symbol, in modules (the QR standard asks for 4). */
const QUIET = 4;

/**
 * The code as a QR image, for an agent who passes it on from a phone. The `qrcode` library only
 * computes the symbol's modules (offline, no canvas); React draws them as one SVG path, so nothing
 * is set as HTML. A roster too large for a QR symbol says so: the text code and the file still work.
 */
export function RosterQr({ locale, code }: { locale: Locale; code: string }) {
  const symbol = useMemo(() => {
    try {
      const { modules } = create(code, { errorCorrectionLevel: "L" });
      let path = "";
      for (let y = 0; y < modules.size; y++)
        for (let x = 0; x < modules.size; x++)
          if (modules.get(y, x)) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
      return { size: modules.size + 2 * QUIET, path };
    } catch {
      return undefined;
    }
  }, [code]);
  if (!symbol)
    return (
      <p className="hint" data-testid="roster-qr-too-big">
        {t(locale, "team.qrTooBig")}
      </p>
    );
  return (
    <svg
      className="roster-qr"
      data-testid="roster-qr"
      role="img"
      aria-label={t(locale, "team.qr")}
      viewBox={`0 0 ${symbol.size} ${symbol.size}`}
      width={Math.max(160, symbol.size * 3)}
      height={Math.max(160, symbol.size * 3)}
      shapeRendering="crispEdges"
    >
      <rect width={symbol.size} height={symbol.size} fill="#fff" />
      <path d={symbol.path} fill="#000" />
    </svg>
  );
}
