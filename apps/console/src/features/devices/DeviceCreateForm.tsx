import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { InlineError } from "../../components/StatusMessages";
import { deviceStrings } from "./strings";

const ZDeviceCreate = z.object({
  windowId: z.coerce.number<string>().int().positive({ error: deviceStrings.pickWindow }),
});

export interface DeviceCreateFormProps {
  /** windows that have no evaluator yet */
  windows: readonly { id: number; code: string; name: string }[];
  pending: boolean;
  error: string | null;
  onCreate: (windowId: number) => void;
}

/** 登记评价器: a window gets its one evaluator, which is then paired with a code. */
export function DeviceCreateForm(props: DeviceCreateFormProps) {
  const t = deviceStrings;
  const form = useForm<z.input<typeof ZDeviceCreate>, unknown, z.output<typeof ZDeviceCreate>>({
    resolver: zodResolver(ZDeviceCreate),
    defaultValues: { windowId: "" },
  });
  if (props.windows.length === 0) return <p className="muted small">{t.allWindowsHaveDevices}</p>;
  const error = form.formState.errors.windowId?.message ?? props.error;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => void form.handleSubmit((values) => props.onCreate(values.windowId))(event)}
      noValidate
    >
      <label htmlFor="device-window">{t.createFor}</label>
      <select id="device-window" {...form.register("windowId")} aria-invalid={error ? true : undefined}>
        <option value="">{t.pickWindow}</option>
        {props.windows.map((window) => (
          <option key={window.id} value={window.id}>
            {window.code} {window.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-primary btn-small" disabled={props.pending}>
        {t.create}
      </button>
      <InlineError message={error} />
    </form>
  );
}
