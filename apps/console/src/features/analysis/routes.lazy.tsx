import { createLazyRoute } from "@tanstack/react-router";

import { AnalysisPage } from "./AnalysisPage";

export const analysisScreen = createLazyRoute("/app/analysis")({
  component: function AnalysisScreen() {
    const navigate = analysisScreen.useNavigate();
    return (
      <AnalysisPage search={analysisScreen.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />
    );
  },
});
