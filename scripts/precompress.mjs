// Precompresses a built front end (`node scripts/precompress.mjs apps/web/dist`): beside each text
// file it writes name.br (brotli, quality 11) and name.gz (gzip, level 9) — once, at build time,
// where a server compressing per request could afford neither level. The server (and nginx with
// gzip_static/brotli_static) sends the variant the browser accepts, with Content-Encoding.
// Plain Node (zlib only), so the front ends' build scripts run it without a TypeScript loader.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What compresses: text and uncompressed audio. Images, fonts and source maps (never loaded by a page) do not. */
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".webmanifest", ".txt", ".wav"]);
/** Below this a file fits one packet either way. */
const MIN_BYTES = 512;

/** @param {string} dir */
function* filesOf(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Vite's .vite/manifest.json is the build's own record, never served.
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) yield* filesOf(path);
    else if (entry.isFile()) yield path;
  }
}

/** @param {string} dir @returns {{ files: number, bytes: number, brotli: number, gzip: number }} */
function precompress(dir) {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  // A variant of an earlier build goes: the file it was made from may have changed.
  for (const path of [...filesOf(dir)]) if (path.endsWith(".br") || path.endsWith(".gz")) unlinkSync(path);
  for (const path of filesOf(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const source = readFileSync(path);
    const brotli = brotliCompressSync(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    });
    const gzip = gzipSync(source, { level: 9 });
    // A variant no smaller than the file is not worth a header: the file is sent as it is.
    if (brotli.length < source.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < source.length) writeFileSync(`${path}.gz`, gzip);
    totals.files += 1;
    totals.bytes += source.length;
    totals.brotli += Math.min(brotli.length, source.length);
    totals.gzip += Math.min(gzip.length, source.length);
  }
  return totals;
}

const dir = process.argv[2];
if (dir) {
  const { files, bytes, brotli, gzip } = precompress(dir);
  const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(
    `precompressed ${files} files in ${dir}: ${kb(bytes)} → brotli ${kb(brotli)}, gzip ${kb(gzip)}\n`,
  );
}
