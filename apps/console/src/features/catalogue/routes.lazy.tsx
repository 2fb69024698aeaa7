import { createLazyRoute } from "@tanstack/react-router";

import { CatalogueImportPage } from "./CatalogueImportPage";
import { ItemPage } from "./ItemPage";

export const catalogueImportScreen = createLazyRoute("/app/catalogue-import")({ component: CatalogueImportPage });

export const catalogueItemScreen = createLazyRoute("/app/catalogue-item")({
  component: function CatalogueItemScreen() {
    const navigate = catalogueItemScreen.useNavigate();
    const { id } = catalogueItemScreen.useSearch();
    return (
      <ItemPage
        // A new item and each existing one get a fresh form.
        key={id ?? "new"}
        itemId={id ?? null}
        onCreated={(created) => void navigate({ search: { id: created } })}
      />
    );
  },
});
