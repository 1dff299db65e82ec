/** Renders a form's status in words, so colour is never the only cue. */
export function FormStatus({
  status,
  publishedVersion,
}: {
  status: "draft" | "published" | "unpublished";
  publishedVersion: number | null;
}) {
  if (status === "published") {
    return (
      <span className="bg-success-soft text-success inline-flex self-start rounded-full px-2.5 py-0.5 text-sm font-medium">
        Published
        {publishedVersion !== null && ` · version ${publishedVersion}`}
      </span>
    );
  }
  return (
    <span className="bg-surface text-muted inline-flex self-start rounded-full px-2.5 py-0.5 text-sm font-medium">
      {status === "unpublished" ? "Unpublished" : "Draft"}
    </span>
  );
}
