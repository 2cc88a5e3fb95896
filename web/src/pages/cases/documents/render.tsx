import type { ReactNode } from "react";
import type { DocumentKind } from "./available.ts";
import { Acceptance, Rejection, Termination } from "./decisions.tsx";
import { HandOver } from "./HandOver.tsx";
import { Mediation } from "./Mediation.tsx";
import type { DocProps } from "./parts.tsx";
import { Registration } from "./Registration.tsx";

/** The document of `kind` for this case (also what batch printing renders, one per page). */
export function renderDocument(kind: DocumentKind, p: DocProps): ReactNode {
  switch (kind) {
    case "registration":
      return <Registration {...p} />;
    case "acceptance":
      return <Acceptance {...p} />;
    case "rejection":
      return <Rejection {...p} />;
    case "mediation":
      return <Mediation {...p} />;
    case "termination":
      return <Termination {...p} />;
    case "handover":
      return <HandOver {...p} />;
  }
}
