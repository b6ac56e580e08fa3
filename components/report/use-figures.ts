import { useEffect, useState } from "react";
import { watchFigures } from "@/components/report/figures-query";
import type { RangeChoice } from "@/components/report/range";
import type { ReportFigures } from "@/lib/model/report";

/**
 * The live figures of `choice` (undefined until the first answer, and again while a new range is
 * read), computed in a worker of their own so that the page never blocks; on the page's thread
 * where there are no workers (the component tests' jsdom). `choice` undefined: none.
 */
export function useFigures(
  choice: RangeChoice | undefined,
): ReportFigures | undefined {
  const [figures, setFigures] = useState<ReportFigures>();
  const key = choice ? JSON.stringify(choice) : "";
  useEffect(() => {
    setFigures(undefined);
    if (!choice) return;
    if (typeof Worker !== "function")
      return watchFigures(choice, (next) => setFigures(next));
    const worker = new Worker(new URL("./report-worker.ts", import.meta.url), {
      type: "module",
    });
    worker.onmessage = (event: MessageEvent<ReportFigures>) =>
      setFigures(event.data);
    worker.onerror = (event) =>
      console.error("PayNudge: the report's worker", event.message);
    worker.postMessage(choice);
    return () => worker.terminate();
    // The choice's content, not its identity: the picker gives a new object on each change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return figures;
}
