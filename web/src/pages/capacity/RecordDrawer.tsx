import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Form, type FormInstance } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { sendOnce } from "../../api/retry.ts";
import { AttachmentList, type AttachmentRef, AttachmentUploader } from "../../app/Attachments.tsx";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { newUuid } from "../cases/format.ts";
import { useCapacityT } from "./messages.ts";

interface Versioned {
  id: string;
  version: number;
}

/** What a tab hands its record drawer: closed, open for a new record, or open on the record to edit. */
export interface RecordDrawerState<R> {
  open: boolean;
  record?: R;
  onClose: () => void;
  onSaved: () => void;
}

/** A tab's drawer state: `create()` for a new record, `edit(r)` for an existing one, closed after a save. */
export function useRecordDrawer<R>(afterSave: () => void) {
  const [state, setState] = useState<{ open: boolean; record?: R }>({ open: false });
  const close = () => setState((s) => ({ ...s, open: false }));
  return {
    create: () => setState({ open: true }),
    edit: (record: R) => setState({ open: true, record }),
    props: {
      ...state,
      onClose: close,
      onSaved: () => {
        close();
        afterSave();
      },
    } satisfies RecordDrawerState<R>,
  };
}

/**
 * The create / edit drawer of a 培训宣传 record. A create is sent once under an Idempotency-Key (a lost
 * answer resent is not recorded twice); an edit carries the record's version, and a 409 (someone else saved
 * meanwhile) offers to reload the current record into the form instead of an error.
 */
export function RecordDrawer<V, R extends Versioned>({
  name,
  titles,
  form,
  state,
  initialValues,
  valuesOf,
  create,
  patch,
  reload,
  children,
}: {
  /** The form's name and the test ids' prefix: `{name}-create-…` / `{name}-edit-…`. */
  name: string;
  titles: { create: string; edit: string };
  form: FormInstance<V>;
  state: RecordDrawerState<R>;
  /** A new record's starting values. */
  initialValues: Partial<V>;
  /** The form's values for a record. */
  valuesOf: (record: R) => Partial<V>;
  create: (values: V, idempotencyKey: string) => Promise<unknown>;
  patch: (values: V, record: R) => Promise<unknown>;
  /** The record as it is now (after a 409). */
  reload: (id: string) => Promise<R>;
  /** The fields; given the record being edited (undefined for a new one). */
  children: (record: R | undefined) => ReactNode;
}) {
  const t = useCapacityT();
  const { open, onClose, onSaved } = state;
  const [key, setKey] = useState(newUuid);
  const [record, setRecord] = useState(state.record);
  const [conflict, setConflict] = useState(false);
  useEffect(() => {
    if (!open) return;
    setRecord(state.record);
    setConflict(false);
  }, [open, state.record]);

  async function reloadCurrent() {
    if (!record) return;
    const fresh = await reload(record.id);
    setRecord(fresh);
    form.setFieldsValue(valuesOf(fresh) as Parameters<typeof form.setFieldsValue>[0]);
    setConflict(false);
  }

  const mode = state.record ? "edit" : "create";
  return (
    <FormDrawer<V>
      open={open}
      title={state.record ? titles.edit : titles.create}
      testId={`${name}-${mode}`}
      form={form}
      name={`${name}-${mode}`}
      initialValues={state.record ? valuesOf(state.record) : initialValues}
      submitText={t.save}
      errorTitle={t.saveFailed}
      onClose={onClose}
      onConflict={() => setConflict(true)}
      onSubmit={async (v) => {
        if (record) await patch(v, record);
        else {
          await sendOnce(() => create(v, key));
          setKey(newUuid());
        }
        onSaved();
      }}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t.conflict}
          style={{ marginBottom: 16 }}
          data-testid={`${name}-conflict`}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void reloadCurrent()}
              data-testid={`${name}-reload`}
            >
              {t.reload}
            </Button>
          }
        />
      )}
      {children(state.record)}
    </FormDrawer>
  );
}

/** A record's photos field: on edit, the photos it has, then the uploader for more (`attachmentIds`). */
export function PhotosField({
  editing,
  testId,
}: {
  editing?: { attachments: AttachmentRef[] };
  testId: string;
}) {
  const t = useCapacityT();
  return (
    <>
      {editing && editing.attachments.length > 0 && (
        <Form.Item label={t.photosKept}>
          <AttachmentList items={editing.attachments} />
        </Form.Item>
      )}
      <Form.Item name="attachmentIds" label={editing ? t.photosAdd : t.photos}>
        <AttachmentUploader testId={testId} />
      </Form.Item>
    </>
  );
}
