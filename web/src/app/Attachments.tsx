import { FilePdfOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Flex, Image, Typography, Upload, type UploadFile } from "antd";
import { cloneElement, type ReactElement, useState } from "react";
import { api, ok, signalled } from "../api/client.ts";
import { config } from "../config.ts";
import { useLang } from "../i18n/lang.tsx";

/** What the API accepts (api.md § Attachments): JPEG, PNG, PDF, at most 10 MiB. */
export const ACCEPTED_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
type AcceptedType = (typeof ACCEPTED_TYPES)[number];
export const MAX_BYTES = 10 * 1024 * 1024;

export type AttachmentRef = { id: string; fileName: string; contentType: string; size: number };

const words = {
  zh: {
    add: "上传",
    hint: "照片或扫描件：JPG、PNG、PDF，每个不超过 10 MB",
    badType: "只能上传 JPG、PNG 或 PDF 文件",
    tooBig: "文件不能超过 10 MB",
    failed: "上传失败",
    open: "打开",
    evidence: "证据材料（照片、扫描件）",
  },
  en: {
    add: "Upload",
    hint: "Photos or scans: JPG, PNG, PDF, at most 10 MB each",
    badType: "Only JPG, PNG or PDF files",
    tooBig: "Files must be at most 10 MB",
    failed: "Upload failed",
    open: "Open",
    evidence: "Evidence (photos, scans)",
  },
};

/** The label of a record's evidence field (the case pages use it). */
export const useEvidenceLabel = () => words[useLang().lang].evidence;

/** A URL the API answered with: relative to the API's origin locally, absolute with S3. */
const absolute = (url: string) => (/^https?:/.test(url) ? url : `${config().apiBaseUrl}${url}`);

/** PUT the bytes to the presigned URL with the headers the API named, reporting progress (fetch cannot). */
function put(url: string, headers: Record<string, string>, file: File, onProgress: (p: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", absolute(url));
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress((e.loaded / e.total) * 100);
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

/** Declare the file (POST /v1/attachments), then send it straight to the store; the attachment's id. */
async function uploadOne(file: File, onProgress: (p: number) => void): Promise<string> {
  const d = await ok(
    api.v1.attachments.$post({
      json: { fileName: file.name, contentType: file.type as AcceptedType, size: file.size },
    }),
  );
  await put(d.uploadUrl, d.headers, file, onProgress);
  return d.id;
}

/**
 * Files to attach to a record (a form field: `value` / `onChange` with the attachment ids), uploaded as soon
 * as they are chosen, each with its progress and a thumbnail; the value is the ids of the files uploaded
 * (those still uploading or failed are left out). The record names the ids when it is saved. Inside the
 * field, the file input is `file-input` and each uploaded file `file-uploaded`.
 */
export function AttachmentUploader({
  id,
  value,
  onChange,
  testId = "attachments",
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId?: string;
}) {
  const w = words[useLang().lang];
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<string>[]>([]);
  const rejected = (text: string) => {
    void message.error(text);
    return Upload.LIST_IGNORE;
  };
  const idsOf = (list: UploadFile<string>[]) =>
    list.filter((f) => f.status === "done" && f.response).map((f) => f.response!);
  return (
    <Flex vertical gap={4} data-testid={testId}>
      <Upload<string>
        id={id}
        data-testid="file-input"
        listType="picture-card"
        accept=".jpg,.jpeg,.png,.pdf"
        multiple
        fileList={files}
        beforeUpload={(file) => {
          if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return rejected(w.badType);
          if (file.size > MAX_BYTES) return rejected(w.tooBig);
          return true;
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          uploadOne(file as File, (percent) => onProgress?.({ percent })).then(
            (id) => onSuccess?.(id),
            (e: unknown) => onError?.(e instanceof Error ? e : new Error(String(e))),
          );
        }}
        itemRender={(node, file) =>
          file.status === "done"
            ? cloneElement(node as ReactElement<{ "data-testid"?: string }>, {
                "data-testid": "file-uploaded",
              })
            : node
        }
        onChange={({ fileList }) => {
          const shown = fileList.map((f) =>
            f.status === "error"
              ? { ...f, response: undefined, error: { message: f.error?.message ?? w.failed } }
              : f,
          );
          setFiles(shown);
          const next = idsOf(shown);
          if (next.join() !== (value ?? []).join()) onChange?.(next);
        }}
      >
        <button type="button" style={{ border: 0, background: "none" }} data-testid={`${testId}-add`}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{w.add}</div>
        </button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {w.hint}
      </Typography.Text>
    </Flex>
  );
}

const fetchDownload = (id: string, signal?: AbortSignal) =>
  ok(api.v1.attachments[":id"].$get({ param: { id } }, signalled(signal)));

/** Opens an attachment in a new tab through a short-lived download URL (the API checks who may see it). */
export async function openAttachment(id: string): Promise<void> {
  const d = await fetchDownload(id);
  window.open(absolute(d.downloadUrl), "_blank", "noopener");
}

/** An image's thumbnail: its short-lived download URL, read when shown (and again after 4 minutes). */
function Thumb({ a, testId }: { a: AttachmentRef; testId: string }) {
  const { data } = useQuery({
    queryKey: ["attachments", a.id],
    queryFn: ({ signal }) => fetchDownload(a.id, signal),
    staleTime: 4 * 60_000,
  });
  return (
    <Image
      width={88}
      height={88}
      style={{ objectFit: "cover" }}
      src={data ? absolute(data.downloadUrl) : undefined}
      alt={a.fileName}
      data-testid={`${testId}-image`}
    />
  );
}

/** A record's files: image thumbnails and PDFs to open. */
export function AttachmentList({
  items,
  testId = "attachment-list",
}: {
  items: AttachmentRef[];
  testId?: string;
}) {
  const w = words[useLang().lang];
  if (!items.length) return null;
  return (
    <Flex gap={8} wrap data-testid={testId}>
      {items.map((a) =>
        a.contentType.startsWith("image/") ? (
          <Thumb key={a.id} a={a} testId={testId} />
        ) : (
          <Typography.Link key={a.id} onClick={() => void openAttachment(a.id)} title={w.open}>
            <FilePdfOutlined /> {a.fileName}
          </Typography.Link>
        ),
      )}
    </Flex>
  );
}
