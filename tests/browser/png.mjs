// Reads the 8-bit RGB/RGBA PNGs Chromium writes for screenshots (zlib from Node, no
// dependencies), for checks such as "not blank" and "a badge is drawn here".
import zlib from 'node:zlib';

export function decodePng(buffer) {
  const sig = buffer.subarray(0, 8).toString('hex');
  if (sig !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let at = 8, width = 0, height = 0, colorType = 0, depth = 0;
  const idat = [];
  while (at < buffer.length) {
    const len = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      colorType = data[9];
      if (data[12] !== 0) throw new Error('interlaced PNGs are not supported');
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + len;
  }
  if (depth !== 8 || (colorType !== 2 && colorType !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType})`);
  const channels = colorType === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  const prev = Buffer.alloc(stride);
  const cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    raw.copy(cur, 0, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let v = cur[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * channels];
      out[(y * width + x) * 4 + 1] = cur[x * channels + 1];
      out[(y * width + x) * 4 + 2] = cur[x * channels + 2];
      out[(y * width + x) * 4 + 3] = channels === 4 ? cur[x * channels + 3] : 255;
    }
    cur.copy(prev);
  }
  return {width, height, pixels: out};
}

// How varied an image is: the number of distinct colours (quantised) and the share of
// pixels that differ from the most common colour. A blank screenshot has ~1 colour.
export function variety(img) {
  const counts = new Map();
  for (let i = 0; i < img.pixels.length; i += 4) {
    const key = ((img.pixels[i] >> 3) << 10) | ((img.pixels[i + 1] >> 3) << 5) | (img.pixels[i + 2] >> 3);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  const total = img.width * img.height;
  return {colours: counts.size, nonBackground: 1 - top / total};
}

// Pixels inside a rectangle within `tolerance` of an RGB colour.
export function countColour(img, rect, rgb, tolerance = 40) {
  let n = 0;
  const x0 = Math.max(0, Math.floor(rect.x0)), y0 = Math.max(0, Math.floor(rect.y0));
  const x1 = Math.min(img.width, Math.ceil(rect.x1)), y1 = Math.min(img.height, Math.ceil(rect.y1));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.abs(img.pixels[i] - rgb[0]) + Math.abs(img.pixels[i + 1] - rgb[1]) + Math.abs(img.pixels[i + 2] - rgb[2]) <= tolerance) n++;
    }
  }
  return n;
}

// Pixels inside a rectangle with a strong colour (max - min channel >= `chroma`): badge ink,
// whatever its colour, as opposed to greys, white and near-black.
export function countSaturated(img, rect, chroma = 90) {
  let n = 0;
  const x0 = Math.max(0, Math.floor(rect.x0)), y0 = Math.max(0, Math.floor(rect.y0));
  const x1 = Math.min(img.width, Math.ceil(rect.x1)), y1 = Math.min(img.height, Math.ceil(rect.y1));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      const r = img.pixels[i], g = img.pixels[i + 1], b = img.pixels[i + 2];
      if (Math.max(r, g, b) - Math.min(r, g, b) >= chroma) n++;
    }
  }
  return n;
}
