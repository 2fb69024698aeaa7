import { createLazyRoute } from "@tanstack/react-router";

import { CatalogPage } from "./CatalogPage";

export const catalogScreen = createLazyRoute("/app/catalog")({
  component: function CatalogScreen() {
    const navigate = catalogScreen.useNavigate();
    return (
      <CatalogPage search={catalogScreen.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />
    );
  },
});
