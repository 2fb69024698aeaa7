import { createLazyRoute } from "@tanstack/react-router";

import { WorkOrderPage } from "./WorkOrderPage";
import { WorkOrdersPage } from "./WorkOrdersPage";

export const workOrdersScreen = createLazyRoute("/app/work-orders")({
  component: function WorkOrdersScreen() {
    const navigate = workOrdersScreen.useNavigate();
    return (
      <WorkOrdersPage
        search={workOrdersScreen.useSearch()}
        onSearchChange={(next) => void navigate({ search: next })}
      />
    );
  },
});

export const workOrderScreen = createLazyRoute("/app/work-orders/$id")({
  component: function WorkOrderScreen() {
    const { id } = workOrderScreen.useParams();
    // An id that is not a positive integer gets the page's own "invalid" notice, not a request.
    return <WorkOrderPage key={id} id={/^\d+$/.test(id) ? Number(id) : Number.NaN} />;
  },
});
