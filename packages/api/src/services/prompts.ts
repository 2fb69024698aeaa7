import type { TPromptView } from "@hcp/db";

import type { TPromptEvent } from "../bus";

export function toPromptEvent(view: TPromptView): TPromptEvent {
  return { ...view, createdAt: view.createdAt.toISOString() };
}
