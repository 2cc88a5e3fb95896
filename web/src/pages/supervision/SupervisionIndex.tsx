import { Navigate, useSearchParams } from "react-router-dom";

/**
 * `/supervision`: the group's own address, where notices lead (`?round=`, `?follow_up=`, `?inspection=`):
 * sends on to the page that shows the record.
 */
export default function SupervisionIndex() {
  const [params] = useSearchParams();
  const round = params.get("round");
  const inspection = params.get("inspection");
  if (round) return <Navigate replace to={`/supervision/sampling?round=${encodeURIComponent(round)}`} />;
  if (params.has("follow_up")) return <Navigate replace to="/supervision/sampling?tab=followUps" />;
  if (inspection)
    return <Navigate replace to={`/supervision/inspections?inspection=${encodeURIComponent(inspection)}`} />;
  return <Navigate replace to="/supervision/sampling" />;
}
