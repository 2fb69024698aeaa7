import { describe, expect, test, vi } from "vitest";

import { LOCALES } from "../../lib/strings";
import { createVoice, VOICE_EVENT, type TVoiceEventDetail } from "./voice";

function heard(): TVoiceEventDetail[] {
  const clips: TVoiceEventDetail[] = [];
  window.addEventListener(VOICE_EVENT, (event) => clips.push((event as CustomEvent<TVoiceEventDetail>).detail));
  return clips;
}

describe("voice prompts", () => {
  test("a clip plays from the locale's pre-recorded file", () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
    const clips = heard();
    createVoice(LOCALES["zh-CN"], "/w/", () => false).play("thanks");
    expect(play).toHaveBeenCalledTimes(1);
    expect(clips).toEqual([{ clip: "thanks", text: "感谢您的评价" }]);
  });

  test("muted, nothing plays", () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
    createVoice(LOCALES["zh-CN"], "/w/", () => true).play("ratePrompt");
    expect(play).not.toHaveBeenCalled();
  });

  test("a browser that blocks audio before the first touch does not break the screen", async () => {
    vi.spyOn(HTMLMediaElement.prototype, "play").mockRejectedValue(new DOMException("blocked", "NotAllowedError"));
    const voice = createVoice(LOCALES["zh-CN"], "/w/", () => false);
    expect(() => voice.play("ratePrompt")).not.toThrow();
    await Promise.resolve();
  });
});
