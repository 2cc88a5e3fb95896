import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { getToken } from "../api/session.ts";
import { AntdRoot } from "../app/AntdRoot.tsx";
import { bootQueryClient } from "./boot.ts";
import { ConsoleGate } from "./ConsoleGate.tsx";

export default function ConsoleApp() {
  // The token is read once per mount, before the first reads: a 401 clears the stored token while the
  // gate's handler is already taking the person to the login page, and re-reading it would send them
  // there a second time, without the reason.
  const [token] = useState(getToken);
  // One cache per console mount: logging out (and in as someone else) starts empty. It already holds
  // the reads of the page being opened (see boot.ts).
  const [queryClient] = useState(() => bootQueryClient(window.location, token));
  return (
    <QueryClientProvider client={queryClient}>
      <AntdRoot>
        <ConsoleGate token={token} />
      </AntdRoot>
    </QueryClientProvider>
  );
}
