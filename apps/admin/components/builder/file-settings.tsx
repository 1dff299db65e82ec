"use client";

import {
  DEFAULT_FILE_TYPES,
  LIMITS,
  acceptedFileTypes,
  type FileField,
} from "@intake/form-schema";

import {
  CheckboxSetting,
  NumberSetting,
  withoutUndefined,
} from "./setting-inputs";

/** File types staff can tick, with their names. */
const FILE_TYPE_NAMES: Record<string, string> = {
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "image/heic": "HEIC image (iPhone photos)",
  "application/pdf": "PDF document",
};

const MIB = 1024 * 1024;

/**
 * Edits a file field's accepted types, largest size in MiB and whether
 * phones open the camera. Ticking every default type stores no `accept`,
 * so the field follows the default list.
 */
export function FileSettings({
  field,
  onChange,
}: {
  field: FileField;
  onChange: (next: FileField) => void;
}) {
  const accepted = acceptedFileTypes(field);
  const set = (patch: Partial<FileField>) =>
    onChange(withoutUndefined({ ...field, ...patch }));

  function toggle(type: string, on: boolean) {
    const next = on
      ? [...accepted, type]
      : accepted.filter((item) => item !== type);
    const isDefault =
      next.length === DEFAULT_FILE_TYPES.length &&
      DEFAULT_FILE_TYPES.every((item) => next.includes(item));
    set({ accept: isDefault ? undefined : next });
  }

  const maxMib = LIMITS.fileSizeBytes / MIB;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 font-semibold">Accepted files</legend>
      {Object.entries(FILE_TYPE_NAMES).map(([type, name]) => (
        <CheckboxSetting
          key={type}
          label={name}
          checked={accepted.includes(type)}
          onChange={(on) => toggle(type, on)}
        />
      ))}
      {accepted.length === 0 && (
        <p className="text-danger">Tick at least one file type.</p>
      )}
      <NumberSetting
        label="Largest file size in MiB"
        help={`At most ${maxMib} MiB, the default.`}
        min={1}
        value={
          field.maxSizeBytes === undefined
            ? undefined
            : field.maxSizeBytes / MIB
        }
        onChange={(mib) =>
          set({
            maxSizeBytes:
              mib === undefined
                ? undefined
                : Math.max(
                    1,
                    Math.min(LIMITS.fileSizeBytes, Math.round(mib * MIB)),
                  ),
          })
        }
      />
      <CheckboxSetting
        label="Open the camera on phones"
        checked={field.capture === true}
        onChange={(capture) => set({ capture: capture ? true : undefined })}
      />
    </fieldset>
  );
}
