import {
  acceptedFileTypes,
  isAcceptedFileType,
  maxFileSizeBytes,
} from "../fields/file-types";
import { LIMITS } from "../fields/limits";
import type { FieldError } from "./field-error";
import { fileTooLargeError, fileTypeError, invalidTypeError } from "./messages";

const FILE_KEYS = "contentType,name,size,storageId";

/**
 * Validates a file answer's shape, type and size against the field. The
 * backend also checks the storage id and compares type and size with the
 * stored file, because a browser can report anything here.
 */
export function checkFile(
  field: { accept?: readonly string[]; maxSizeBytes?: number },
  value: unknown,
): FieldError | null {
  if (!isFileShape(value)) {
    return invalidTypeError("file");
  }
  const accept = acceptedFileTypes(field);
  if (!isAcceptedFileType(accept, value.contentType)) {
    return fileTypeError(accept);
  }
  const maxSize = maxFileSizeBytes(field);
  if (value.size > maxSize) {
    return fileTooLargeError(maxSize);
  }
  return null;
}

function isFileShape(value: unknown): value is {
  storageId: string;
  name: string;
  contentType: string;
  size: number;
} {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  if (Object.keys(value).sort().join(",") !== FILE_KEYS) {
    return false;
  }
  const { storageId, name, contentType, size } = value as Record<
    string,
    unknown
  >;
  return (
    typeof storageId === "string" &&
    storageId.length > 0 &&
    storageId.length <= LIMITS.fileTokenLength &&
    typeof name === "string" &&
    name.length <= LIMITS.fileNameLength &&
    typeof contentType === "string" &&
    contentType.length <= LIMITS.fileTokenLength &&
    Number.isSafeInteger(size) &&
    (size as number) >= 0
  );
}
