import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { Refreshing } from "./Refreshing";

test("the previous figures stay on screen, dimmed and busy, while the next search loads, and lose both when it lands", () => {
  const { rerender } = render(
    <Refreshing when={true}>
      <p>好评率 98.50%</p>
    </Refreshing>,
  );
  const box = screen.getByText("好评率 98.50%").parentElement;
  expect(box?.getAttribute("aria-busy")).toBe("true");
  expect(box?.className).toBe("is-refreshing");

  rerender(
    <Refreshing when={false}>
      <p>好评率 98.50%</p>
    </Refreshing>,
  );
  expect(box?.getAttribute("aria-busy")).toBeNull();
  expect(box?.className).toBe("");
});
