/// <reference types="vite/client" />

import "react";

declare module "react" {
  // Element Timing: the browser reports when a marked element was first painted.
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
