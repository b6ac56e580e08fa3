import "react";

// Element Timing (https://w3c.github.io/element-timing/): the browser reports when an element
// carrying this attribute is first painted. The popup benchmark reads it for its first row.
declare module "react" {
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
