import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy/waitFor give up after 1 s by default; with the whole suite sharing two cores a re-render
// can take longer than that, and a slow machine must not read as a broken screen.
configure({ asyncUtilTimeout: 5000 });

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(() => {
  cleanup();
});
