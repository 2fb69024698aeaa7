import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { ZStaffForm, type TStaffForm } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { staffStrings } from "./strings";

const t = staffStrings;

/** The form's fields as the controls hold them; an edit leaves the phone alone unless one is typed. */
function staffFields(editing: boolean) {
  return z
    .object({
      badgeNo: z.string(),
      name: z.string(),
      departmentId: z.string(),
      homeWindowId: z.string(),
      windowIds: z.array(z.string()),
      phone: z.string(),
      certificateNo: z.string(),
      certificateExpiresOn: z.string(),
    })
    .transform(({ homeWindowId, windowIds, phone, departmentId, ...fields }) => ({
      ...fields,
      departmentId: departmentId === "" ? 0 : Number(departmentId),
      // The home window first, then the others in floor order.
      windowIds:
        homeWindowId === "" ? [] : [homeWindowId, ...windowIds.filter((id) => id !== homeWindowId)].map(Number),
      ...(editing && phone.trim() === "" ? {} : { phone: phone.trim() }),
    }))
    .pipe(ZStaffForm);
}

type TStaffFields = z.input<ReturnType<typeof staffFields>>;

export const EMPTY_STAFF: TStaffFields = {
  badgeNo: "",
  name: "",
  departmentId: "",
  homeWindowId: "",
  windowIds: [],
  phone: "",
  certificateNo: "",
  certificateExpiresOn: "",
};

/** A stored staff member as the form's fields (the phone is never sent back: only its mask). */
export function storedStaffFields(staff: {
  badgeNo: string;
  name: string;
  departmentId: number;
  windowIds: readonly number[];
  certificateNo: string;
  certificateExpiresOn: string | null;
}): TStaffFields {
  const [home, ...others] = staff.windowIds;
  return {
    badgeNo: staff.badgeNo,
    name: staff.name,
    departmentId: String(staff.departmentId),
    homeWindowId: home === undefined ? "" : String(home),
    windowIds: others.map(String),
    phone: "",
    certificateNo: staff.certificateNo,
    certificateExpiresOn: staff.certificateExpiresOn ?? "",
  };
}

export interface StaffFormProps {
  title: string;
  value: TStaffFields;
  /** null: a new staff member; else the stored phone's mask ("" when none) */
  phoneMasked: string | null;
  departments: readonly { id: number; name: string }[];
  windows: readonly { id: number; code: string; name: string }[];
  pending: boolean;
  error: string | null;
  onSubmit: (staff: TStaffForm) => void;
  onCancel: () => void;
}

/** 新增 / 修改工作人员. */
export function StaffForm(props: StaffFormProps) {
  const { title, value, phoneMasked, departments, windows, pending, error, onSubmit, onCancel } = props;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TStaffFields, unknown, TStaffForm>({
    resolver: zodResolver(staffFields(phoneMasked !== null)),
    // `values`, not defaultValues: a select takes its stored choice once its options are there.
    values: value,
  });
  const windowLabel = (window: { code: string; name: string }) => `${window.code} ${window.name}`;
  return (
    <form
      className="form settings-form"
      aria-label={title}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h3>{title}</h3>
      <Field id="staff-badge" label={t.badgeNo} error={errors.badgeNo?.message}>
        {(control) => <input {...control} className="input-short" autoComplete="off" {...register("badgeNo")} />}
      </Field>
      <Field id="staff-name" label={t.name} error={errors.name?.message}>
        {(control) => <input {...control} autoComplete="off" {...register("name")} />}
      </Field>
      <Field id="staff-department" label={t.department} error={errors.departmentId?.message}>
        {(control) => (
          <select {...control} {...register("departmentId")}>
            <option value="">{t.pickDepartment}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="staff-home-window" label={t.homeWindow} error={errors.windowIds?.message}>
        {(control) => (
          <select {...control} {...register("homeWindowId")}>
            <option value="">{t.pickWindow}</option>
            {windows.map((window) => (
              <option key={window.id} value={window.id}>
                {windowLabel(window)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChoiceGroup
        legend={t.otherWindows}
        type="checkbox"
        inline={false}
        options={windows.map((window) => ({ value: String(window.id), label: windowLabel(window) }))}
        registration={register("windowIds")}
      />
      <Field
        id="staff-phone"
        label={t.phone}
        hint={phoneMasked === null ? t.phoneHintNew : t.phoneHintEdit(phoneMasked)}
        error={errors.phone?.message}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            {...register("phone")}
          />
        )}
      </Field>
      <Field
        id="staff-certificate"
        label={t.certificateNo}
        hint={t.certificateHint}
        error={errors.certificateNo?.message}
      >
        {(control) => <input {...control} autoComplete="off" {...register("certificateNo")} />}
      </Field>
      <Field id="staff-certificate-expiry" label={t.certificateExpiresOn} error={errors.certificateExpiresOn?.message}>
        {(control) => <input {...control} type="date" {...register("certificateExpiresOn")} />}
      </Field>
      <InlineError message={error} />
      <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={null} />
      <button type="button" className="btn" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
