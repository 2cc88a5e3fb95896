/**
 * A value made on first use and then kept for the life of the process; concurrent first callers share
 * one attempt, and a failed attempt is forgotten so the next call tries again.
 */
export function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make().catch((e) => {
      value = undefined;
      throw e;
    });
    return value;
  };
}
