import type { Status } from "@/components/options/status";

/** The form's status line, read out by screen readers when it changes. */
export function StatusLine({ status }: { status: Status }) {
  return (
    <p role="status" className={status.error ? "status error" : "status"}>
      {status.text}
    </p>
  );
}
