import { type Answer, ApiError, guestApi, NETWORK_ERROR, ok } from "../api/client.ts";

import { POW_HEADER } from "./challenge.ts";

export { ApiError };

/** The public intake calls, through the console's typed client (no token) and its one error type. */
const county = guestApi.v1.public[":countyCode"];

export type Directory = Answer<typeof county.$get>;
export type PublicUnit = Directory["units"][number];
export type PublicStatus = Answer<(typeof county.cases)[":trackingNo"]["$get"]>;
type FileBody = Parameters<typeof county.cases.$post>[0]["json"];
type RateBody = Parameters<(typeof county.cases)[":trackingNo"]["rating"]["$post"]>[0]["json"];

/** A consumer reads "check your network", not the browser's "Failed to fetch". */
async function friendly<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof ApiError && e.code === NETWORK_ERROR)
      throw new ApiError(0, NETWORK_ERROR, "网络连接失败，请检查网络后重试");
    throw e;
  }
}

export const publicApi = {
  directory: (countyCode: string) => friendly(ok(county.$get({ param: { countyCode } }))),
  /** With `pow`, the solved challenge of a busy hour (challenge.ts). */
  file: (countyCode: string, body: FileBody, pow?: string) =>
    friendly(
      ok(
        county.cases.$post(
          { param: { countyCode }, json: body },
          pow ? { headers: { [POW_HEADER]: pow } } : undefined,
        ),
      ),
    ),
  status: (countyCode: string, trackingNo: string, code: string) =>
    friendly(ok(county.cases[":trackingNo"].$get({ param: { countyCode, trackingNo }, query: { code } }))),
  rate: (countyCode: string, trackingNo: string, code: string, body: RateBody) =>
    friendly(
      ok(
        county.cases[":trackingNo"].rating.$post({
          param: { countyCode, trackingNo },
          query: { code },
          json: body,
        }),
      ),
    ),
};
