import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { useDebouncedValue } from "../../components/useDebouncedValue";
import { appCodeOf, errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { RevealContact } from "../audit/RevealContact";
import { ApprovalForm } from "./ApprovalForm";
import { CaseCreateForm } from "./CaseCreateForm";
import { ReceiptDialog } from "./ReceiptDialog";
import { StaffCaseList, type TCaseAction } from "./StaffCaseList";
import { deskStrings } from "./strings";
import { WindowPanel } from "./WindowPanel";

/** Cases change when the citizen rates on the evaluator; poll so 已评价 appears without a reload. */
const CASES_REFRESH_MS = 15_000;
/** While a prompt is on the evaluator its state (已推送 → 评价中 → 已评价 / 已超时) is followed closely. */
const OPEN_PROMPT_REFRESH_MS = 2_000;

/** 窗口工作台 (window_staff): sign in at a window, receive cases, complete them, invite a rating. */
export function DeskPage() {
  const t = deskStrings;
  const queryClient = useQueryClient();

  const windows = useQuery(trpc.window.list.queryOptions());
  const mine = useQuery(trpc.window.mine.queryOptions());
  const cases = useQuery(
    trpc.case.mine.queryOptions(undefined, {
      refetchInterval: (query) =>
        query.state.data?.some((row) => row.prompt?.state === "pushed" || row.prompt?.state === "showing")
          ? OPEN_PROMPT_REFRESH_MS
          : CASES_REFRESH_MS,
    }),
  );

  const [searchTerm, setSearchTerm] = useState("");
  const search = useDebouncedValue(searchTerm.trim(), 250);
  const items = useQuery(
    trpc.catalog.items.queryOptions(
      { search, pageSize: 10 },
      { enabled: search.length > 0, placeholderData: keepPreviousData },
    ),
  );

  const invalidateWindows = () => queryClient.invalidateQueries(trpc.window.pathFilter());
  const invalidateCases = () => queryClient.invalidateQueries(trpc.case.pathFilter());
  // Signing in or out ends a staff session and withdraws its open prompts: the cases show it.
  const afterPresence = () => Promise.all([invalidateWindows(), invalidateCases()]);
  // A window not among the staff member's own: the refusal opens the manager's approval form for it.
  const [approvalFor, setApprovalFor] = useState<number | null>(null);
  const windowSignIn = useMutation(
    trpc.window.signIn.mutationOptions({
      onSuccess: () => {
        setApprovalFor(null);
        return afterPresence();
      },
      onError: (error, { windowId, approval }) => {
        if (!approval && appCodeOf(error) === "WINDOW_NOT_ASSIGNED") setApprovalFor(windowId);
      },
    }),
  );
  const windowSignOut = useMutation(trpc.window.signOut.mutationOptions({ onSuccess: afterPresence }));
  const createCase = useMutation(trpc.case.create.mutationOptions({ onSuccess: invalidateCases }));
  const completeCase = useMutation(trpc.case.complete.mutationOptions({ onSuccess: invalidateCases }));
  const inviteRating = useMutation(trpc.case.inviteRating.mutationOptions({ onSuccess: invalidateCases }));
  const withdrawInvitation = useMutation(trpc.case.withdrawInvitation.mutationOptions({ onSettled: invalidateCases }));

  const [invitedIds, setInvitedIds] = useState<ReadonlySet<number>>(new Set());
  const [receiptFor, setReceiptFor] = useState<{ caseId: number; caseNo: string } | null>(null);

  const busy: { caseId: number; action: TCaseAction } | null = completeCase.isPending
    ? { caseId: completeCase.variables.caseId, action: "complete" }
    : inviteRating.isPending
      ? { caseId: inviteRating.variables.caseId, action: "invite" }
      : withdrawInvitation.isPending
        ? { caseId: withdrawInvitation.variables.caseId, action: "withdraw" }
        : null;
  const rowErrors: Record<number, string> = {};
  if (completeCase.isError) rowErrors[completeCase.variables.caseId] = errorMessage(completeCase.error);
  if (inviteRating.isError) rowErrors[inviteRating.variables.caseId] = errorMessage(inviteRating.error);
  if (withdrawInvitation.isError)
    rowErrors[withdrawInvitation.variables.caseId] = errorMessage(withdrawInvitation.error);

  const currentWindowId = mine.data?.windowId ?? null;

  return (
    <>
      <PageHeading title={t.title} />

      <section className="panel" aria-labelledby="window-heading">
        <h2 id="window-heading">{t.windowSection}</h2>
        <QueryView query={windows}>
          {(windowRows) => (
            <QueryView query={mine}>
              {() => (
                <WindowPanel
                  windows={windowRows}
                  currentWindowId={currentWindowId}
                  onSignIn={(windowId) => {
                    windowSignOut.reset();
                    setApprovalFor(null);
                    windowSignIn.mutate({ windowId });
                  }}
                  onSignOut={() => {
                    windowSignIn.reset();
                    windowSignOut.mutate();
                  }}
                  signingInWindowId={windowSignIn.isPending ? windowSignIn.variables.windowId : null}
                  signInError={
                    windowSignIn.isError && !windowSignIn.variables.approval
                      ? { windowId: windowSignIn.variables.windowId, message: errorMessage(windowSignIn.error) }
                      : null
                  }
                  signingOut={windowSignOut.isPending}
                  signOutError={windowSignOut.isError ? errorMessage(windowSignOut.error) : null}
                />
              )}
            </QueryView>
          )}
        </QueryView>
        {approvalFor !== null ? (
          <ApprovalForm
            window={(() => {
              const window = windows.data?.find((row) => row.id === approvalFor);
              return window ? `${window.code} ${window.name}` : String(approvalFor);
            })()}
            pending={windowSignIn.isPending}
            error={windowSignIn.isError && windowSignIn.variables.approval ? errorMessage(windowSignIn.error) : null}
            onSubmit={(approval) => windowSignIn.mutate({ windowId: approvalFor, approval })}
            onCancel={() => {
              windowSignIn.reset();
              setApprovalFor(null);
            }}
          />
        ) : null}
      </section>

      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">{t.createSection}</h2>
        <CaseCreateForm
          enabled={currentWindowId !== null}
          searchTerm={searchTerm}
          onSearchTermChange={setSearchTerm}
          results={search.length > 0 ? items.data : undefined}
          searching={items.isFetching && items.isPlaceholderData}
          searchError={items.isError ? errorMessage(items.error) : null}
          onSubmit={(values) => createCase.mutateAsync(values)}
          pending={createCase.isPending}
          error={createCase.isError ? errorMessage(createCase.error) : null}
          createdCaseNo={createCase.data?.caseNo ?? null}
        />
      </section>

      <section className="panel" aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t.casesSection}</h2>
        <p id="cases-privacy" className="muted small">
          {t.ratingPrivacy}
        </p>
        <QueryView query={cases}>
          {(caseRows) => (
            <StaffCaseList
              cases={caseRows}
              renderContact={(row) => (
                <RevealContact caseId={row.id} field="phone" masked={row.applicantContactMasked} />
              )}
              onComplete={(caseId) => {
                inviteRating.reset();
                withdrawInvitation.reset();
                completeCase.mutate({ caseId });
              }}
              onWithdraw={(caseId) => {
                completeCase.reset();
                inviteRating.reset();
                withdrawInvitation.mutate({ caseId });
              }}
              onInvite={(caseId) => {
                completeCase.reset();
                withdrawInvitation.reset();
                inviteRating.mutate(
                  { caseId },
                  { onSuccess: () => setInvitedIds((previous) => new Set(previous).add(caseId)) },
                );
              }}
              busy={busy}
              errors={rowErrors}
              invitedIds={invitedIds}
              onReceipt={(caseId, caseNo) => setReceiptFor({ caseId, caseNo })}
            />
          )}
        </QueryView>
      </section>
      {receiptFor ? (
        <ReceiptDialog caseId={receiptFor.caseId} caseNo={receiptFor.caseNo} onClose={() => setReceiptFor(null)} />
      ) : null}
    </>
  );
}
