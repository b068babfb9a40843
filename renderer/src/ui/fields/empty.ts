/**
 * How a field says "empty": a required value holds its own empty ('' or NaN,
 * which the schema refuses with its message), a nullable one holds null
 * ("none": no cap, an open end), an optional one holds undefined (left out).
 */
export type Emptiable<T> =
  | { nullable?: false; optional?: false; value: T; onChange(value: T): void }
  | { nullable: true; optional?: false; value: T | null; onChange(value: T | null): void }
  | { optional: true; nullable?: false; value: T | undefined; onChange(value: T | undefined): void };

/** Hand the field's empty value to the form. */
export function emitEmpty<T>(props: Emptiable<T>, filledEmpty: T): void {
  if (props.nullable) props.onChange(null);
  else if (props.optional) props.onChange(undefined);
  else props.onChange(filledEmpty);
}
