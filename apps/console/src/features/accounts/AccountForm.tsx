import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import {
  HANDOVER_KEYS,
  mayManageRole,
  ROLE_KEYS,
  ROLES,
  ZAccountCreate,
  type TAccountCreate,
  type TRole,
} from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { accountsStrings } from "./strings";

const t = accountsStrings;

/** The form's fields as the controls hold them: the picked department and staff record as strings, "" for none. */
const ZAccountFields = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    departmentId: z.string(),
    staffId: z.string(),
    // optional as the API takes it (a one-time password when absent); the new-account form always names it
    handover: z.enum(HANDOVER_KEYS).optional(),
  })
  .transform((fields) => ({
    ...fields,
    departmentId: fields.departmentId === "" ? null : Number(fields.departmentId),
    staffId: fields.staffId === "" ? null : Number(fields.staffId),
  }))
  .pipe(ZAccountCreate);

type TAccountFields = z.input<typeof ZAccountFields>;

/** A stored account as the form's fields. */
export function accountFields(account: {
  username: string;
  displayName: string;
  role: TRole;
  departmentId: number | null;
  staffId: number | null;
}): TAccountFields {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    departmentId: account.departmentId === null ? "" : String(account.departmentId),
    staffId: account.staffId === null ? "" : String(account.staffId),
    handover: "password",
  };
}

export const EMPTY_ACCOUNT: TAccountFields = {
  username: "",
  displayName: "",
  role: "window_staff",
  departmentId: "",
  staffId: "",
  handover: "password",
};

export interface AccountFormProps {
  title: string;
  value: TAccountFields;
  /** an existing account keeps its username */
  editing: boolean;
  /** the signed-in user's role: a hall manager offers only the roles below theirs */
  actorRole: TRole;
  departments: readonly { id: number; name: string }[];
  staff: readonly { id: number; name: string; badgeNo: string; userId: number | null }[];
  /** the account being edited, whose own staff record stays pickable */
  userId: number | null;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  onSubmit: (account: TAccountCreate) => void;
  onCancel: () => void;
}

/** 新建 / 修改账号: the department appears for a department head, the staff record for window staff. */
export function AccountForm(props: AccountFormProps) {
  const { title, value, editing, actorRole, departments, staff, userId, pending, error, onSubmit, onCancel } = props;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TAccountFields, unknown, TAccountCreate>({ resolver: zodResolver(ZAccountFields), defaultValues: value });
  const role = watch("role");
  const roles = ROLE_KEYS.filter((key) => mayManageRole(actorRole, key));
  return (
    <form
      className="form settings-form"
      aria-label={title}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h3>{title}</h3>
      <Field id="account-username" label={t.username} hint={t.usernameHint} error={errors.username?.message}>
        {(control) => (
          <input
            {...control}
            className="input-short"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            readOnly={editing}
            {...register("username")}
          />
        )}
      </Field>
      <Field id="account-name" label={t.displayName} error={errors.displayName?.message}>
        {(control) => <input {...control} className="input-short" autoComplete="off" {...register("displayName")} />}
      </Field>
      <Field id="account-role" label={t.role} error={errors.role?.message}>
        {(control) => (
          // The stored role selected from the first paint: without it the list's first role shows
          // until react-hook-form writes its value, and the scope fields would follow that one.
          <select {...control} defaultValue={value.role} {...register("role")}>
            {roles.map((key) => (
              <option key={key} value={key}>
                {ROLES[key]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === "department_head" ? (
        <Field id="account-department" label={t.department} error={errors.departmentId?.message}>
          {(control) => (
            <select {...control} {...register("departmentId")}>
              <option value="">{t.choose}</option>
              {departments.map((department) => (
                <option key={department.id} value={String(department.id)}>
                  {department.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {role === "window_staff" ? (
        <Field id="account-staff" label={t.staff} error={errors.staffId?.message}>
          {(control) => (
            <select {...control} {...register("staffId")}>
              <option value="">{t.choose}</option>
              {staff.map((member) => (
                <option
                  key={member.id}
                  value={String(member.id)}
                  disabled={member.userId !== null && member.userId !== userId}
                >
                  {`${member.badgeNo} ${member.name}${member.userId !== null && member.userId !== userId ? t.staffTaken : ""}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {editing ? null : (
        <ChoiceGroup
          id="account-handover"
          legend={t.handover}
          type="radio"
          inline={false}
          options={HANDOVER_KEYS.map((key) => ({ value: key, label: <> {t.handovers[key]}</> }))}
          registration={register("handover")}
        />
      )}
      <InlineError message={error} />
      <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={null} />
      <button type="button" className="btn" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
