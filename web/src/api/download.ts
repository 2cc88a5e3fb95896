import { apiFetch } from "./http.ts";

const authedFetch = apiFetch({ auth: true });

/** Downloads a file (an Excel workbook) with the bearer token and saves it under the name the API gives. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await authedFetch(path);
  const blob = await res.blob();
  const disposition = res.headers.get("content-disposition") ?? "";
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
