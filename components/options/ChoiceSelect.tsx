export interface ChoiceSelectProps<T extends string> {
  name: string;
  value: T;
  choices: readonly T[];
  /** The text shown for a choice. */
  label(choice: T): string;
  onChange(value: T): void;
}

/** A select over a fixed list of ids, each shown by its label (scenario, segment, channel…). */
export function ChoiceSelect<T extends string>({
  name,
  value,
  choices,
  label,
  onChange,
}: ChoiceSelectProps<T>) {
  return (
    <select
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {label(choice)}
        </option>
      ))}
    </select>
  );
}
