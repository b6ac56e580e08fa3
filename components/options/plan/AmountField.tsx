import { useId } from "react";
import { FieldError } from "@/components/options/FieldError";

export interface AmountFieldProps {
  label: string;
  name: string;
  /** "numeric" for whole numbers, "decimal" otherwise. */
  inputMode: "numeric" | "decimal";
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}

/** A number typed as text, with its error right after it. */
export function AmountField({
  label,
  name,
  inputMode,
  value,
  onChange,
  error,
}: AmountFieldProps) {
  const errorId = useId();
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          name={name}
          inputMode={inputMode}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <FieldError message={error} id={errorId} />
    </>
  );
}
