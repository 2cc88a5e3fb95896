import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { AntdRoot } from "../app/AntdRoot.tsx";
import { bootQueryClient } from "./boot.ts";
import { ConsoleGate } from "./ConsoleGate.tsx";

export default function ConsoleApp() {
  // One cache per console mount: logging out (and in as someone else) starts empty. The first one
  // already holds the reads of the page being opened (see boot.ts).
  const [queryClient] = useState(() => bootQueryClient(window.location));
  return (
    <QueryClientProvider client={queryClient}>
      <AntdRoot>
        <ConsoleGate />
      </AntdRoot>
    </QueryClientProvider>
  );
}
