import { useState } from "react";
import type { StatusKey } from "@/components/page/nudge-panel/panel-logic";

/**
 * The panel's status line, and `report`, which runs an action and says how it went: a result of
 * false (or a throw) is the failure; `say` sets the line directly.
 */
export function useStatus() {
  const [status, setStatus] = useState<StatusKey | undefined>(undefined);
  async function report(
    action: () => unknown,
    ok: StatusKey,
    failed: StatusKey,
  ): Promise<void> {
    setStatus(undefined);
    let result: unknown;
    try {
      result = await action();
    } catch {
      result = false;
    }
    setStatus(result === false ? failed : ok);
  }
  return { status, report, say: setStatus };
}

export type Report = ReturnType<typeof useStatus>["report"];
