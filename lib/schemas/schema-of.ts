import type { z } from "zod";

type SameKeys<A, B> = [
  Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>,
] extends [never]
  ? true
  : false;

/**
 * A schema checked against the plain type it validates (declared in model/ or messaging/, which
 * ship without zod): what it outputs must fit `T`, and it may neither lack one of T's fields nor
 * have one T lacks. The build fails as soon as the two drift apart.
 *
 *     export const OrderItemSchema = schemaOf<OrderItem>()(z.object({ ... }));
 */
export function schemaOf<T>() {
  return <S extends z.ZodType<T>>(
    schema: S,
    ...sameFields: SameKeys<z.output<S>, T> extends true
      ? []
      : [error: "the schema's fields differ from the type's"]
  ): S => {
    void sameFields;
    return schema;
  };
}
