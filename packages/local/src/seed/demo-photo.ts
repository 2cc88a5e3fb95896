import { crc32, deflateSync } from "node:zlib";

type Rgb = readonly [number, number, number];

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/**
 * A stand-in photo for the demo's publicity records (a real PNG, 320 × 200): sky, a banner in `banner`'s
 * colour with a row of stall tables below it, and the ground — enough to tell the thumbnails apart.
 */
export function demoPhoto(banner: Rgb): Buffer {
  const w = 320;
  const h = 200;
  const pixel = (x: number, y: number): Rgb => {
    if (y < 50) return [186, 214, 240 - Math.round(y / 2)];
    if (y < 90 && x > 30 && x < 290) return banner;
    if (y >= 110 && y < 140 && x % 80 > 10 && x % 80 < 70) return [240, 240, 232];
    if (y < 150) return [205, 196, 180];
    return [150 - Math.round((y - 150) / 2), 140, 120];
  };
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < w; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
