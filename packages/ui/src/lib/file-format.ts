/** Default MIME types of a file field, as @intake/form-schema defines them. */
export const DEFAULT_FILE_TYPES = [
  "image/jpeg",
  "image/png",
  "image/heic",
  "application/pdf",
] as const;

/** Default and maximum size of one uploaded file: 10 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const TYPE_NAMES: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/heic": "HEIC",
  "image/heif": "HEIF",
  "image/webp": "WebP",
  "application/pdf": "PDF",
};

// Some browsers leave `File.type` empty for HEIC photos, so the extension
// is used instead.
const EXTENSION_TYPES: Record<string, string> = {
  heic: "image/heic",
  heif: "image/heif",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
};

/** Returns the MIME type of a file, guessed from its name when unset. */
export function fileType(file: Pick<File, "name" | "type">): string {
  if (file.type) return file.type.toLowerCase();
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return EXTENSION_TYPES[extension] ?? "";
}

/** Lists MIME types by short names, such as "JPEG, PNG, PDF". */
export function typeNames(types: readonly string[]): string {
  return types
    .map((type) => TYPE_NAMES[type] ?? type.split("/").pop()!.toUpperCase())
    .join(", ");
}

/** Formats a byte count with a binary unit, such as "1.5 MB" for 1.5 MiB. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
