import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";

import { STRINGS } from "./lib/strings";

import "./styles.css";

// Two small apps on one origin: each loads only its own code.
const KioskApp = lazy(() => import("./features/kiosk/KioskApp").then((module) => ({ default: module.KioskApp })));
const RateApp = lazy(() => import("./features/rate/RateApp").then((module) => ({ default: module.RateApp })));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

const App = window.location.pathname.startsWith("/kiosk") ? KioskApp : RateApp;

createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<p className="loading">{STRINGS.loading}</p>}>
      <App />
    </Suspense>
  </StrictMode>,
);
