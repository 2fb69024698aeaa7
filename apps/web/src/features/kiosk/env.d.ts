/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** set by vite.config.ts: package version and build commit, sent with every heartbeat */
  readonly VITE_APP_VERSION?: string;
}
