import { Button, Drawer, Form, type FormInstance, Space } from "antd";
import { type ReactNode, useEffect, useRef } from "react";
import { useT } from "../i18n/messages.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { type SubmitOptions, useFormSubmit } from "./useFormSubmit.ts";

export interface FormDrawerProps<V> extends SubmitOptions {
  open: boolean;
  title: ReactNode;
  /** Prefix of the test ids: `{testId}-drawer`, `-error`, `-submit`. */
  testId: string;
  form: FormInstance<V>;
  /** The form's name (antd prefixes field ids with it). */
  name: string;
  initialValues?: Partial<V>;
  submitText: string;
  /** What failed, above the API's message. */
  errorTitle: string;
  /** Send the values; throw (an ApiError) to show what went wrong. Close the drawer from here. */
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  size?: number;
  children: ReactNode;
}

/** A side drawer holding one form: the shared frame of every "新增 / 编辑" in the console. */
export function FormDrawer<V>({
  open,
  title,
  testId,
  form,
  name,
  initialValues,
  submitText,
  errorTitle,
  onSubmit,
  onClose,
  size = 520,
  children,
  ...opts
}: FormDrawerProps<V>) {
  const t = useT();
  const { submit, saving, error, setError } = useFormSubmit(form, onSubmit, opts);
  // Each opening starts from this opening's initial values. The form instance outlives the drawer's
  // content, and a remounted Form keeps the store's old values over new initial ones: set them here.
  const initial = useRef(initialValues);
  initial.current = initialValues;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initial.current) form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form]);
  return (
    <Drawer
      open={open}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={title}
      size={size}
      destroyOnHidden
      data-testid={`${testId}-drawer`}
      footer={
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={saving}>
            {t.cancel}
          </Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => void submit()}
            data-testid={`${testId}-submit`}
          >
            {submitText}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} title={errorTitle} testId={`${testId}-error`} />
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        disabled={saving}
        initialValues={initialValues}
        onFinish={() => void submit()}
      >
        {children}
      </Form>
    </Drawer>
  );
}
