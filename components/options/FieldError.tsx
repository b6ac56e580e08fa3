/**
 * A field's error, placed right after it; nothing when there is none. Give it an `id` when the
 * field names it in `aria-describedby`.
 */
export function FieldError({
  message,
  id,
}: {
  message: string | undefined;
  id?: string;
}) {
  return message ? (
    <span className="field-error" role="alert" id={id}>
      {message}
    </span>
  ) : null;
}
