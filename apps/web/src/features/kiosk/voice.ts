import { keysOf } from "@hcp/domain/citizen";

import { LOCALE, type TLocaleTable, type TVoiceClip } from "../../lib/strings";
import { readPreference } from "./preferences";

/** Fired on `window` whenever a clip is asked to play: the test suite and diagnostics listen. */
export const VOICE_EVENT = "hcp-voice";

export interface TVoiceEventDetail {
  clip: TVoiceClip;
  text: string;
}

/**
 * Spoken prompts from pre-recorded files (kiosk.md §2.7: a kiosk browser often has no speech
 * voice at all). Until the first touch the browser may refuse to play; that prompt is then
 * simply not spoken — the screen says the same thing — and every later one plays.
 */
export function createVoice(locale: TLocaleTable, base: string, isMuted: () => boolean) {
  const elements = new Map<TVoiceClip, HTMLAudioElement>();
  let playing: HTMLAudioElement | null = null;

  function element(clip: TVoiceClip): HTMLAudioElement {
    let audio = elements.get(clip);
    if (!audio) {
      audio = new Audio(`${base}${locale.voice[clip].file}`);
      audio.preload = "auto";
      elements.set(clip, audio);
    }
    return audio;
  }

  function announce(clip: TVoiceClip): void {
    const detail: TVoiceEventDetail = { clip, text: locale.voice[clip].text };
    window.dispatchEvent(new CustomEvent(VOICE_EVENT, { detail }));
  }

  return {
    /** Silences whatever is playing (the 静音 switch was just turned on). */
    stop(): void {
      playing?.pause();
      playing = null;
    },
    /** Loads every clip now, so prompts still play when the network is gone. */
    preload(): void {
      for (const clip of keysOf(locale.voice)) element(clip);
    },
    play(clip: TVoiceClip): void {
      if (isMuted()) return;
      if (playing) playing.pause();
      const audio = element(clip);
      audio.currentTime = 0;
      playing = audio;
      announce(clip);
      // Blocked before the first touch, or the file is unreachable: the screen says the same thing.
      audio.play().catch(() => undefined);
    },
  };
}

export type TVoice = ReturnType<typeof createVoice>;

// Muting is read at every prompt, so the tablet's stored 静音 holds from the very first one.
export const kioskVoice: TVoice = createVoice(LOCALE, import.meta.env.BASE_URL, () => readPreference("muted"));
