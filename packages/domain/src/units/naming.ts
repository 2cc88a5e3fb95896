/**
 * 四统一 · 统一名称: a station or point is named by the tenant's pattern (`{乡镇}消费维权服务站`,
 * `{村社区}消费维权服务点`) from the place it serves. The official division data names the village
 * committee (“荆庄社区居民委员会”, “大口屯村委会”); the place is the community or village itself.
 */

const committee = /(?:居民委员会|居委会|村民委员会|村委会)$/;

/** “荆庄社区居民委员会” → 荆庄社区, “东村村委会” → 东村, “大口屯村委会” → 大口屯村; other names unchanged. */
export function placeName(divisionName: string): string {
  const m = committee.exec(divisionName);
  if (!m) return divisionName;
  const stem = divisionName.slice(0, m.index);
  const village = m[0].startsWith("村");
  if (village) return stem.endsWith("村") ? stem : `${stem}村`;
  return stem.endsWith("社区") ? stem : `${stem}社区`;
}

/** The placeholders a name pattern may use for the place (any one of them). */
const placeholders = /\{(?:乡镇|街道|村社区|村|社区|名称)\}/g;

/**
 * A unit's name from the pattern and the place: every placeholder becomes the place; a pattern without
 * one is a suffix (“消费维权服务站” → 荆河街道消费维权服务站). At most 100 characters, like any unit name.
 */
export function unitNameFrom(pattern: string, place: string): string {
  const named = placeholders.test(pattern) ? pattern.replace(placeholders, place) : `${place}${pattern}`;
  placeholders.lastIndex = 0;
  return named.slice(0, 100);
}
