import { z } from "zod";

import { ZId } from "./schemas";

/** 切换大厅: the hall of the county a county user's session works in from now on. */
export const ZCountyActIn = z.object({ hallId: ZId });
