import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { DeviceCreateForm } from "./DeviceCreateForm";
import { DeviceTable, type TDeviceRow } from "./DeviceTable";
import { RatingRulesForm } from "./RatingRulesForm";
import { SignalList } from "./SignalList";
import { deviceStrings } from "./strings";

/** Heartbeats arrive every half minute; refresh a little more often than a tablet goes quiet. */
const DEVICES_REFRESH_MS = 20_000;

/** A waiting pairing code's remaining minutes are counted down against this. */
const CLOCK_TICK_MS = 15_000;

function useNow(tickMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}

/** The act waiting for its confirmation: both stop the tablet at that window at once. */
interface TPendingAct {
  kind: "replace" | "unpair";
  device: TDeviceRow;
}

/** 评价器管理 (admin, hall manager; auditors read signals): pairing, health, misuse signals. */
export function DevicesPage() {
  const t = deviceStrings;
  const queryClient = useQueryClient();
  const canManage = useMayCall("device.list");

  const devices = useQuery(
    trpc.device.list.queryOptions(undefined, { enabled: canManage, refetchInterval: DEVICES_REFRESH_MS }),
  );
  const signals = useQuery(trpc.signal.list.queryOptions({ limit: 100 }));
  const windows = useQuery(trpc.window.list.queryOptions(undefined, { enabled: canManage }));
  const invalidateDevices = () => queryClient.invalidateQueries(trpc.device.pathFilter());
  const create = useMutation(trpc.device.create.mutationOptions({ onSuccess: invalidateDevices }));
  const issueCode = useMutation(
    trpc.device.issuePairingCode.mutationOptions({
      onSuccess: (code, { deviceId }) => {
        // Shown at once; the list (which keeps it until used or expired) is re-read behind it.
        queryClient.setQueryData(trpc.device.list.queryKey(), (rows) =>
          rows?.map((row) =>
            row.id === deviceId
              ? { ...row, paired: false, online: false, pairingPending: true, pairingCode: code }
              : row,
          ),
        );
        void invalidateDevices();
      },
    }),
  );
  const unpair = useMutation(trpc.device.unpair.mutationOptions({ onSuccess: invalidateDevices }));
  const [pendingAct, setPendingAct] = useState<TPendingAct | null>(null);
  const now = useNow(CLOCK_TICK_MS);
  const rules = useQuery(trpc.rating.rules.queryOptions());
  const [rulesSaved, setRulesSaved] = useState<string | null>(null);
  const updateRules = useMutation(
    trpc.rating.updateRules.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.rating.rules.queryKey(), next);
        setRulesSaved(t.rulesSaved);
      },
    }),
  );
  const review = useMutation(
    trpc.signal.review.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.signal.pathFilter()) }),
  );

  const busyDeviceId = issueCode.isPending
    ? issueCode.variables.deviceId
    : unpair.isPending
      ? unpair.variables.deviceId
      : null;
  const rowError = issueCode.isError
    ? { deviceId: issueCode.variables.deviceId, message: errorMessage(issueCode.error) }
    : unpair.isError
      ? { deviceId: unpair.variables.deviceId, message: errorMessage(unpair.error) }
      : null;

  return (
    <>
      <PageHeading title={t.title} />
      {canManage ? (
        <section className="panel" aria-labelledby="devices-heading">
          <h2 id="devices-heading">{t.devicesSection}</h2>
          <p className="muted small">{t.pairingHelp}</p>
          <QueryView query={devices}>
            {(rows) => (
              <DeviceTable
                devices={rows}
                now={now}
                busyDeviceId={busyDeviceId}
                rowError={rowError}
                onIssueCode={(deviceId) => {
                  const device = rows.find((row) => row.id === deviceId);
                  if (device?.paired) {
                    setPendingAct({ kind: "replace", device });
                    return;
                  }
                  unpair.reset();
                  issueCode.mutate({ deviceId });
                }}
                onUnpair={(deviceId) => {
                  const device = rows.find((row) => row.id === deviceId);
                  if (device) setPendingAct({ kind: "unpair", device });
                }}
              />
            )}
          </QueryView>
          {pendingAct ? (
            <ConfirmAct
              act={pendingAct}
              onCancel={() => setPendingAct(null)}
              onConfirm={() => {
                setPendingAct(null);
                const deviceId = pendingAct.device.id;
                if (pendingAct.kind === "replace") {
                  unpair.reset();
                  issueCode.mutate({ deviceId });
                } else {
                  issueCode.reset();
                  unpair.mutate({ deviceId });
                }
              }}
            />
          ) : null}
          {windows.data && devices.data ? (
            <DeviceCreateForm
              windows={windows.data.filter((window) => !devices.data.some((device) => device.windowId === window.id))}
              pending={create.isPending}
              error={create.isError ? errorMessage(create.error) : null}
              onCreate={(windowId) => create.mutate({ windowId })}
            />
          ) : null}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t.rulesSection}</h2>
        <p className="muted small">{canManage ? t.rulesHelp : t.rulesReadOnly}</p>
        <QueryView query={rules}>
          {(value) => (
            <RatingRulesForm
              value={value}
              canEdit={canManage}
              pending={updateRules.isPending}
              error={updateRules.isError ? errorMessage(updateRules.error) : null}
              saved={rulesSaved}
              onSubmit={(next) => {
                setRulesSaved(null);
                updateRules.mutate(next);
              }}
            />
          )}
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="signals-heading">
        <h2 id="signals-heading">{t.signalsSection}</h2>
        <p className="muted small">{t.signalsHelp}</p>
        <InlineError message={review.isError ? errorMessage(review.error) : null} />
        <QueryView query={signals}>
          {(rows) => (
            <SignalList
              signals={rows}
              canReview={canManage}
              reviewingId={review.isPending ? review.variables.id : null}
              onReview={(id) => review.mutate({ id })}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

/** 更换设备 and 解除配对 say which window's tablet stops and what becomes of its waiting ratings. */
function ConfirmAct(props: { act: TPendingAct; onConfirm: () => void; onCancel: () => void }) {
  const t = deviceStrings;
  const { device, kind } = props.act;
  const stops = t.stopsAtOnce(t.windowOf(device.windowCode, device.windowName));
  // Ratings still in its outbox can only be sent while it is paired to its window.
  const waiting = device.outboxDepth > 0 ? [t.unpairWaiting(device.outboxDepth)] : [];
  return kind === "replace" ? (
    <ConfirmDialog
      title={t.replaceTitle(device.windowCode)}
      body={[stops, t.replaceAfter, ...waiting]}
      confirmLabel={t.replaceConfirm}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    />
  ) : (
    <ConfirmDialog
      title={t.unpairTitle(device.windowCode)}
      body={[stops, t.unpairAfter, ...waiting]}
      confirmLabel={t.unpairConfirm}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    />
  );
}
