import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import { useRef, useState } from "react";
import { api, ok } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { config } from "../../config.ts";
import { useT } from "../../i18n/messages.ts";
import type { SupervisionMessages } from "./messages.ts";

const types = ["image/jpeg", "image/png", "application/pdf"] as const;
type FileType = (typeof types)[number];

/** Declares the upload, then PUTs the bytes to the presigned URL with exactly the headers it was signed for. */
async function upload(file: File): Promise<string> {
  const contentType = file.type as FileType;
  const declared = await ok(
    api.v1.attachments.$post({ json: { fileName: file.name, contentType, size: file.size } }),
  );
  const url = declared.uploadUrl.startsWith("/")
    ? `${config().apiBaseUrl}${declared.uploadUrl}`
    : declared.uploadUrl;
  const res = await fetch(url, { method: "PUT", headers: declared.headers, body: file });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return declared.id;
}

export interface Uploaded {
  id: string;
  name: string;
}

/**
 * Photos and scans for a record (a form field: `value` / `onChange` with the attachment ids). A plain file
 * input over the attachments API's presigned PUT; the record names the ids when it is saved.
 */
export function FileInput({
  id,
  value,
  onChange,
  s,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  s: SupervisionMessages;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick(list: FileList | null) {
    if (!list?.length) return;
    setBusy(true);
    setError(null);
    const added: Uploaded[] = [];
    try {
      for (const file of Array.from(list)) {
        if (!types.includes(file.type as FileType)) throw new Error(s.uploadHint);
        added.push({ id: await upload(file), name: file.name });
      }
    } catch (e) {
      setError(`${s.uploadFailed}：${errorText(e, t)}`);
    } finally {
      const next = [...files, ...added];
      setFiles(next);
      onChange?.([...(value ?? []), ...added.map((a) => a.id)]);
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <Flex vertical gap={4}>
      <input
        id={id}
        ref={input}
        type="file"
        multiple
        accept={types.join(",")}
        style={{ display: "none" }}
        onChange={(e) => void pick(e.target.files)}
        data-testid="file-input"
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {busy ? s.uploading : s.upload}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.uploadHint}
      </Typography.Text>
      {files.map((f) => (
        <Typography.Text key={f.id} data-testid="file-uploaded">
          <PaperClipOutlined /> {f.name}
        </Typography.Text>
      ))}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}

/** Opens an attachment through a short-lived download URL (the API checks who may see it). */
export async function openAttachment(id: string): Promise<void> {
  const a = await ok(api.v1.attachments[":id"].$get({ param: { id } }));
  const url = a.downloadUrl.startsWith("/") ? `${config().apiBaseUrl}${a.downloadUrl}` : a.downloadUrl;
  window.open(url, "_blank", "noopener");
}
